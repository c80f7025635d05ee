package vn.giadinhso.kiosk.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Tôi cần hỗ trợ": a topic, an optional phone number typed on the on-screen keypad (a kiosk has
 * no keyboard), sent to commune staff as an event. The number is checked gently: ten digits
 * starting with 0, or nothing at all; a wrong number is explained, never sent.
 */
public final class SupportModel {

    public static final List<String> TOPICS = List.of("vneid", "public-services", "payments", "scam", "other");

    /** Digits in a Vietnamese phone number (mobile and landline alike since 2018), the first a 0. */
    public static final int PHONE_DIGITS = 10;

    /** Sends a support request; {@code phone} and {@code householdCode} may be null. */
    public interface Requests {
        void send(String topic, String phone, String householdCode);
    }

    private final Requests requests;
    private final StringBuilder phone = new StringBuilder();
    private String problem;

    public SupportModel(Requests requests) {
        this.requests = requests;
    }

    /** The digits typed so far (personal data: cleared when the kiosk goes idle or the request is sent). */
    public String phone() {
        return phone.toString();
    }

    /** The number as people read it aloud, "0912 345 678". */
    public String phoneShown() {
        String p = phone();
        if (p.length() <= 4) {
            return p;
        }
        if (p.length() <= 7) {
            return p.substring(0, 4) + " " + p.substring(4);
        }
        return p.substring(0, 4) + " " + p.substring(4, 7) + " " + p.substring(7);
    }

    /** Why the number cannot be sent as it is (a message key), after a send was tried. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** Empty, or ten digits starting with 0. */
    public boolean phoneOk() {
        return phone.isEmpty() || (phone.length() == PHONE_DIGITS && phone.charAt(0) == '0');
    }

    void press(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        if (phone.length() < PHONE_DIGITS) {
            phone.append(digit);
        }
        if (problem != null && phoneOk()) {
            problem = null;
        }
    }

    void delete() {
        if (!phone.isEmpty()) {
            phone.setLength(phone.length() - 1);
        }
        if (problem != null && phoneOk()) {
            problem = null;
        }
    }

    /** Replaces the number (digits only are kept, as from a pasted or scripted value). */
    void typed(String text) {
        clear();
        String digits = text == null ? "" : text.replaceAll("[^0-9]", "");
        digits.chars().forEach(c -> press(c - '0'));
    }

    /** Sends the request with the number, if any. False (nothing sent) while the number is not a phone number. */
    boolean send(String topic, String householdCode) {
        if (!phoneOk()) {
            problem = "support.phoneCheck";
            return false;
        }
        requests.send(topic, phone.isEmpty() ? null : phone(), householdCode);
        clear();
        return true;
    }

    void clear() {
        phone.setLength(0);
        problem = null;
    }

    public List<Spoken> spoken() {
        List<Spoken> said = new ArrayList<>(List.of(Spoken.of("support.title"), Spoken.of("support.spoken"),
                Spoken.of("support.keypad.spoken")));
        problem().ifPresent(p -> said.add(Spoken.of(p)));
        return List.copyOf(said);
    }

    public List<Spoken> spokenSent() {
        return List.of(Spoken.of("support.sentTitle"), Spoken.of("support.sent"));
    }
}
