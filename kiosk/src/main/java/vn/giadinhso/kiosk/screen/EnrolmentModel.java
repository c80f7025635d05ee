package vn.giadinhso.kiosk.screen;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import vn.giadinhso.kiosk.enrol.EnrolmentFailed;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.HubAddress;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.language.Language;

/**
 * On-screen enrolment by a staff member, in plain Java: choose the staff PIN (twice), the
 * enrolment code (typed on the keypad or its QR scanned through the reader), the hub's address,
 * then enrol. Hub refusals come back as message keys the view says in plain words. The hub is
 * called on {@code background}; results come back on {@code ui}.
 */
public final class EnrolmentModel {

    public enum Step { PIN, PIN_AGAIN, CODE, HUB, WORKING, DONE }

    /** The hub's code alphabet (Crockford base32), shown as the keypad; 12 symbols make a code. */
    public static final String CODE_SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private final KioskDataDir dir;
    private final StaffPin staffPin;
    private final Enroller enroller;
    private final Executor background;
    private final Executor ui;
    private final Consumer<KioskIdentity> enrolled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final LanguageOnScreen language;

    private Step step = Step.PIN;
    private String pin;
    private String code = "";
    private String hub;
    private String message;

    /**
     * {@code language}: the languages staff may enrol in. Before enrolment nothing has come from
     * the hub, so these are the built-in two plus any pack installed with the kiosk (its data dir
     * or {@code giadinhso.languages}); a commune whose staff read Bahnar can enrol in Bahnar.
     */
    public EnrolmentModel(KioskDataDir dir, StaffPin staffPin, Enroller enroller, Optional<URI> hub,
            LanguageOnScreen language, Executor background, Executor ui, Consumer<KioskIdentity> enrolled) {
        this.dir = dir;
        this.language = language;
        this.staffPin = staffPin;
        this.enroller = enroller;
        // https:// first: plain http:// is refused except on this machine (HubAddress).
        this.hub = hub.map(URI::toString).orElse("https://");
        this.background = background;
        this.ui = ui;
        this.enrolled = enrolled;
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public Step step() {
        return step;
    }

    public Locale locale() {
        return language.locale();
    }

    /** The staff member's language: its pack's strings, missing ones in Vietnamese. */
    public Language language() {
        return language.language();
    }

    /** Vietnamese, English, then each installed pack, for the language buttons. */
    public List<Language> languages() {
        return language.available();
    }

    public String code() {
        return code;
    }

    public String hub() {
        return hub;
    }

    /** A bundle key: what went wrong, in words a staff member can act on. */
    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public void switchLanguage(Locale to) {
        language.switchTo(to);
        changed();
    }

    public void pinTyped(String typed) {
        if (!StaffPin.acceptable(typed)) {
            message = "enrol.pinRule";
        } else {
            pin = typed;
            message = null;
            step = Step.PIN_AGAIN;
        }
        changed();
    }

    public void pinAgain(String typed) {
        if (pin != null && pin.equals(typed)) {
            message = null;
            step = Step.CODE;
        } else {
            pin = null;
            message = "enrol.pinMismatch";
            step = Step.PIN;
        }
        changed();
    }

    /** The code from the keypad. Accepts what people type: dashes, spaces, lower case, O for 0, I/L for 1. */
    public void codeTyped(String typed) {
        Optional<String> normal = normalise(typed);
        if (normal.isEmpty()) {
            message = "enrol.codeRule";
        } else {
            code = normal.get();
            message = null;
            step = Step.HUB;
        }
        changed();
    }

    /**
     * Text a reader read. At the code step, an enrolment code's QR fills in the code, and when the
     * hub put its address in it too ({@code GDSE1|<hub URL>|<code>}, docs/protocol.md) the hub
     * step opens with that address for staff to confirm; anything else (a resident's card) is
     * ignored here and never kept.
     */
    public void scanned(String text) {
        if (step != Step.CODE) {
            return;
        }
        Optional<EnrolmentCard> card = EnrolmentCard.parse(text);
        if (card.isPresent() && HubAddress.problem(card.get().hub()).isPresent()) {
            // A card pointing at a plain http:// hub on the network: neither its address nor its
            // code is taken, so staff cannot enrol through it by accident.
            message = "enrol.insecureCard";
            changed();
        } else if (card.isPresent()) {
            hub = card.get().hub();
            codeTyped(card.get().code());
        } else if (normalise(text).isPresent()) {
            codeTyped(text);
        } else {
            message = "enrol.notACode";
            changed();
        }
    }

    /** A {@code GDSE1|<http(s) hub URL>|<code>} enrolment card. */
    record EnrolmentCard(String hub, String code) {
        static Optional<EnrolmentCard> parse(String text) {
            String[] parts = text.strip().split("\\|", -1);
            if (parts.length != 3 || !parts[0].equals("GDSE1") || normalise(parts[2]).isEmpty()) {
                return Optional.empty();
            }
            try {
                URI uri = new URI(parts[1]);
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    return Optional.empty();
                }
            } catch (java.net.URISyntaxException e) {
                return Optional.empty();
            }
            return Optional.of(new EnrolmentCard(parts[1], parts[2]));
        }
    }

    public void submit(String hubAddress) {
        hub = hubAddress == null ? "" : hubAddress.strip();
        Optional<HubAddress.Problem> problem = HubAddress.problem(hub);
        if (problem.isPresent()) {
            message = problem.get() == HubAddress.Problem.PLAIN_HTTP
                    ? "enrol.error." + EnrolmentFailed.Reason.INSECURE_HUB : "enrol.error.HUB_UNREACHABLE";
            changed();
            return;
        }
        URI uri = URI.create(hub);
        String chosenPin = pin;
        String chosenCode = code;
        step = Step.WORKING;
        message = null;
        changed();
        background.execute(() -> {
            try {
                KioskIdentity id = enroller.enrol(uri, chosenCode);
                dir.write(id);
                staffPin.choose(chosenPin);
                ui.execute(() -> done(id));
            } catch (EnrolmentFailed e) {
                ui.execute(() -> failed(e.reason()));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                ui.execute(() -> failed(EnrolmentFailed.Reason.NOT_A_HUB));
            }
        });
    }

    public void back() {
        message = null;
        step = switch (step) {
            case PIN, PIN_AGAIN -> Step.PIN;
            case CODE -> Step.PIN;
            case HUB, WORKING, DONE -> Step.CODE;
        };
        changed();
    }

    private void done(KioskIdentity id) {
        pin = null;
        step = Step.DONE;
        changed();
        enrolled.accept(id);
    }

    private void failed(EnrolmentFailed.Reason reason) {
        message = "enrol.error." + reason.name();
        // A bad code is fixed at the code step; a bad address at the address step.
        step = reason == EnrolmentFailed.Reason.CODE_USED || reason == EnrolmentFailed.Reason.CODE_UNKNOWN_OR_EXPIRED
                ? Step.CODE : Step.HUB;
        if (step == Step.CODE) {
            code = "";
        }
        changed();
    }

    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (char c : typed.strip().toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-' -> { }
                case 'O' -> out.append('0');
                case 'I', 'L' -> out.append('1');
                default -> out.append(c);
            }
        }
        String s = out.toString();
        if (s.length() != 12 || !s.chars().allMatch(ch -> CODE_SYMBOLS.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, 4) + "-" + s.substring(4, 8) + "-" + s.substring(8));
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
