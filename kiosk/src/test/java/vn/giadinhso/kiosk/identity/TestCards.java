package vn.giadinhso.kiosk.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;

/** Real-shaped, invented card payloads for tests. */
public final class TestCards {

    /** Tests run "on" 21 Nov 2026 in Vietnam, whatever the machine's clock says. */
    public static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-21T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    public static final String CCCD_2021 =
            "001099012345||Nguyễn Văn An|15031999|Nam|Số 12 ngõ 34 phố Huế, phường Phố Huế, quận Hai Bà Trưng, Hà Nội|20042021";
    public static final String CAN_CUOC_2024 =
            "064305001234||Rơ Châm H'Nhi|02022005|Nữ|Thôn Plei Ơi, xã Ia Pếch, huyện Ia Grai, Gia Lai|04102024||||";
    public static final String CCCD_WITH_CMND =
            "079188004321|025123456|Trần Thị Bích Ngọc|30071988|Nữ|12/3 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|11052022";

    private TestCards() {
    }

    public static KeyPair newHubKeys() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** Signs {@code GDS1|commune|household|issued} per docs/household-qr.md. */
    public static String household(KeyPair hub, String commune, String household, String issued) {
        String signed = "GDS1|" + commune + "|" + household + "|" + issued;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(hub.getPrivate());
            s.update(signed.getBytes(StandardCharsets.UTF_8));
            return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static String household(KeyPair hub) {
        return household(hub, "an-tuong", "AT-TH1-0042", "20261121");
    }

    /** A TD1 MRZ with correct check digits, lines joined by LF. */
    public static String mrz(String id, String dob, char sex, String expiry, String name) {
        String doc = id.substring(3);
        String l1 = "IDVNM" + doc + MrzCheckDigit.of(doc) + id + "<<<";
        String l2 = dob + MrzCheckDigit.of(dob) + sex + expiry + MrzCheckDigit.of(expiry) + "VNM" + "<".repeat(11);
        String composite = l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        l2 = l2 + MrzCheckDigit.of(composite);
        String l3 = (name + "<".repeat(30)).substring(0, 30);
        return l1 + "\n" + l2 + "\n" + l3;
    }

    public static String mrz() {
        return mrz("001099012345", "990315", 'M', "390315", "NGUYEN<<VAN<AN");
    }

    /** Replaces the character at {@code index} of line {@code line} (0-based) of an MRZ. */
    public static String mrzWith(String mrz, int line, int index, char c) {
        String[] lines = mrz.split("\n");
        StringBuilder sb = new StringBuilder(lines[line]);
        sb.setCharAt(index, c);
        lines[line] = sb.toString();
        return String.join("\n", lines);
    }
}
