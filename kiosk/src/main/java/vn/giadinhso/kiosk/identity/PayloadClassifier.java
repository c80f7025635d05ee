package vn.giadinhso.kiosk.identity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.security.PublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import vn.giadinhso.protocol.CitizenIdNumber;
import vn.giadinhso.protocol.HouseholdQr;

/**
 * Decides what a payload is and hands it to the matching parser. This is the single entry point
 * for everything a reader, camera or keyboard wedge produces; it never throws and never logs.
 */
public final class PayloadClassifier {

    /** Longest payload considered at all; real cards are under 400 bytes, so this is generous. */
    public static final int MAX_PAYLOAD_BYTES = 4096;

    private final HouseholdQrVerifier household;
    private final CccdQrParser cccd;
    private final MrzTd1Parser mrz;

    /**
     * @param hubKey the hub's Ed25519 public key; without it household cards are unverifiable
     * @param clock  today's date decides whether a birth or issue date is in the future
     */
    public PayloadClassifier(Optional<PublicKey> hubKey, Clock clock) {
        this(hubKey.map(k -> HouseholdQrVerifier.singleKey(k, clock))
                .orElseGet(() -> new HouseholdQrVerifier(List::of, clock)), clock);
    }

    /**
     * @param hubKeys the hub's household-QR keys with their ids and dates, as last synced
     * @param clock   today's date decides whether a birth or issue date is in the future, and
     *                whether a card's signing key has passed its {@code validUntil}
     */
    public PayloadClassifier(Supplier<List<HouseholdQr.HubKey>> hubKeys, Clock clock) {
        this(new HouseholdQrVerifier(hubKeys, clock), clock);
    }

    private PayloadClassifier(HouseholdQrVerifier household, Clock clock) {
        this.household = household;
        this.cccd = new CccdQrParser(clock);
        this.mrz = new MrzTd1Parser(clock);
    }

    /** Decodes raw reader bytes in the given encoding (bad bytes become U+FFFD) and identifies them. */
    public Identification identify(byte[] payload, Charset encoding) {
        if (payload == null) {
            return Unrecognised.because("no payload");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return tooLong(payload.length, "bytes");
        }
        return identify(decode(payload, encoding));
    }

    public Identification identify(String payload) {
        try {
            return classify(payload);
        } catch (RuntimeException bug) {
            // The parsers are written not to throw; if one does, the kiosk must still carry on.
            return Unrecognised.because("internal error while reading the payload: " + bug.getClass().getSimpleName());
        }
    }

    private Identification classify(String payload) {
        if (payload == null) {
            return Unrecognised.because("no payload");
        }
        if (payload.length() > MAX_PAYLOAD_BYTES) {
            return tooLong(payload.length(), "characters");
        }
        String text = payload.startsWith("\uFEFF") ? payload.substring(1) : payload;
        text = text.strip();
        if (text.isEmpty()) {
            return Unrecognised.because("empty payload");
        }
        if (isHouseholdTag(text)) {
            return household.verify(text);
        }
        Optional<List<String>> mrzLines = mrzLines(text);
        if (mrzLines.isPresent()) {
            return mrz.parse(mrzLines.get());
        }
        if (isCitizenQr(text)) {
            return cccd.parse(text);
        }
        List<String> errors = new ArrayList<>();
        MangledText.reason(text).ifPresent(errors::add);
        errors.add("not a household QR, citizen ID QR or MRZ");
        return new Unrecognised(errors);
    }

    private static Unrecognised tooLong(int length, String unit) {
        return Unrecognised.because("payload of " + length + " " + unit + " refused: over the "
                + MAX_PAYLOAD_BYTES + "-byte limit");
    }

    // "GDS" + version + '|': a household card, possibly of a version this kiosk cannot read.
    private static boolean isHouseholdTag(String text) {
        if (!text.startsWith("GDS")) {
            return false;
        }
        int i = 3;
        while (i < text.length() && i < 8 && Character.isDigit(text.charAt(i))) {
            i++;
        }
        return i > 3 && i < text.length() && text.charAt(i) == '|';
    }

    private static boolean isCitizenQr(String text) {
        int bar = text.indexOf('|');
        return bar > 0 && CitizenIdNumber.allAsciiDigits(text.substring(0, bar).strip());
    }

    /**
     * The MRZ lines if the text looks like one: CR, LF or CRLF between lines, blank lines and
     * trailing spaces ignored; a reader that sends all 90 characters without breaks is accepted too.
     */
    private static Optional<List<String>> mrzLines(String text) {
        if (text.indexOf('|') >= 0) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String s = line.strip();
            if (!s.isEmpty()) {
                lines.add(s);
            }
        }
        if (lines.size() == 1 && lines.get(0).length() == 3 * MrzTd1Parser.LINE_LENGTH) {
            String one = lines.get(0);
            lines = List.of(one.substring(0, 30), one.substring(30, 60), one.substring(60));
        }
        if (lines.size() < 2 || lines.size() > 6) {
            return Optional.empty();
        }
        String first = lines.get(0);
        // Every TD1 MRZ has '<' filler somewhere (the name line always does), and starts I, A or C.
        if (first.length() < 5 || "IAC".indexOf(first.charAt(0)) < 0 || text.indexOf('<') < 0) {
            return Optional.empty();
        }
        for (int i = 0; i < first.length(); i++) {
            if (MrzCheckDigit.value(first.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(lines));
    }

    private static String decode(byte[] bytes, Charset encoding) {
        try {
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException cannotHappenWithReplace) {
            return "\uFFFD";
        }
    }
}
