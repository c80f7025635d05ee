package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.giadinhso.kiosk.identity.TestCards.CAN_CUOC_2024;
import static vn.giadinhso.kiosk.identity.TestCards.CCCD_2021;
import static vn.giadinhso.kiosk.identity.TestCards.CCCD_WITH_CMND;
import static vn.giadinhso.kiosk.identity.TestCards.mrz;
import static vn.giadinhso.kiosk.identity.TestCards.mrzWith;

import java.security.KeyPair;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per real-shaped payload and per way it can be wrong: what kind the kiosk must call it,
 * whether it is valid, and (for invalid ones) a phrase the operator should see among the reasons.
 */
class PayloadTableTest {

    private static final KeyPair HUB = TestCards.newHubKeys();
    private static final KeyPair OTHER_HUB = TestCards.newHubKeys();
    private static final PayloadClassifier CLASSIFIER = new PayloadClassifier(Optional.of(HUB.getPublic()), TestCards.TODAY);

    static Stream<Arguments> table() {
        String cccd = CCCD_2021;
        String household = TestCards.household(HUB);
        String mrz = mrz();
        String mrzLine2 = mrz.split("\n")[1];
        return Stream.of(
                // --- CCCD / Căn cước QR ---
                row("CCCD 2021, empty CMND", cccd, PayloadKind.CCCD_QR, true, null),
                row("Căn cước 2024, 11 fields", CAN_CUOC_2024, PayloadKind.CCCD_QR, true, null),
                row("CCCD with old CMND", CCCD_WITH_CMND, PayloadKind.CCCD_QR, true, null),
                row("CCCD with trailing CR LF", cccd + "\r\n", PayloadKind.CCCD_QR, true, null),
                row("born in the 1800s (G=8)", "001899000001||Lê Văn Cụ|01011899|Nam|Hà Nội|01012021",
                        PayloadKind.CCCD_QR, true, null),
                row("only 6 fields", "001099012345||Nguyễn Văn An|15031999|Nam|Hà Nội", PayloadKind.CCCD_QR, false,
                        "at least 7 fields"),
                row("ID of 11 digits", cccd.replaceFirst("001099012345", "00109901234"), PayloadKind.CCCD_QR, false,
                        "12 digits"),
                row("province code 000", cccd.replaceFirst("001099012345", "000099012345"), PayloadKind.CCCD_QR, false,
                        "province code 000"),
                row("province code 097", cccd.replaceFirst("001099012345", "097099012345"), PayloadKind.CCCD_QR, false,
                        "province code 097"),
                // 003 lies inside 001–096 but was never assigned (Circular 07/2016/TT-BCA, Appendix I).
                row("province code 003, never assigned", cccd.replaceFirst("001099012345", "003099012345"),
                        PayloadKind.CCCD_QR, false, "province code 003"),
                row("century digit says 2000s, born 1999", cccd.replaceFirst("001099012345", "001299012345"),
                        PayloadKind.CCCD_QR, false, "birth year 2099"),
                row("year digits disagree with birth date", cccd.replaceFirst("001099012345", "001098012345"),
                        PayloadKind.CCCD_QR, false, "birth year 1998"),
                row("sex digit says female, card says Nam", cccd.replaceFirst("001099012345", "001199012345"),
                        PayloadKind.CCCD_QR, false, "means FEMALE"),
                row("31 February", cccd.replace("15031999", "31021999"), PayloadKind.CCCD_QR, false,
                        "not a real date"),
                row("birth date in the future", "001227012345||Nguyễn Văn An|15032027|Nam|Hà Nội|20042021",
                        PayloadKind.CCCD_QR, false, "in the future"),
                row("issue date in the future", cccd.replace("20042021", "20042027"), PayloadKind.CCCD_QR, false,
                        "issue date 2027-04-20 is in the future"),
                row("issued before birth", cccd.replace("20042021", "20041990"), PayloadKind.CCCD_QR, false,
                        "before the date of birth"),
                row("sex field not Nam/Nữ", cccd.replace("|Nam|", "|Male|"), PayloadKind.CCCD_QR, false,
                        "'Nam' or 'Nữ'"),
                row("wedge-mangled sex field", cccd.replace("|Nam|", "|Nu7|"), PayloadKind.CCCD_QR, false,
                        "'Nam' or 'Nữ'"),
                row("U+FFFD from a wrong encoding", cccd.replace("Nguyễn", "Nguy\uFFFDn"), PayloadKind.CCCD_QR, false,
                        "U+FFFD"),
                row("control character inside", cccd.replace("Văn", "V\u0007ăn"), PayloadKind.CCCD_QR, false,
                        "control character U+0007"),
                row("old ID of 8 digits", cccd.replace("||", "|02512345|"), PayloadKind.CCCD_QR, false,
                        "old ID (CMND)"),
                row("empty name", cccd.replace("Nguyễn Văn An", ""), PayloadKind.CCCD_QR, false, "full name is empty"),
                row("digits in the name", cccd.replace("Nguyễn Văn An", "Nguy6e64n Va8n An"), PayloadKind.CCCD_QR,
                        false, "not letters"),
                row("empty address", cccd.replace("Số 12 ngõ 34 phố Huế, phường Phố Huế, quận Hai Bà Trưng, Hà Nội", ""),
                        PayloadKind.CCCD_QR, false, "address is empty"),
                // --- MRZ TD1 ---
                row("MRZ, LF", mrz, PayloadKind.MRZ, true, null),
                row("MRZ, CR LF and trailing spaces", mrz.replace("\n", "  \r\n") + "\r\n", PayloadKind.MRZ, true, null),
                row("MRZ, CR only", mrz.replace("\n", "\r"), PayloadKind.MRZ, true, null),
                row("MRZ, 90 characters on one line", mrz.replace("\n", ""), PayloadKind.MRZ, true, null),
                row("MRZ, female born 2005, no expiry",
                        TestCards.mrz("064305001234", "050202", 'F', "<<<<<<", "RO<<CHAM<H<NHI"), PayloadKind.MRZ, true,
                        null),
                row("MRZ, document number check wrong", mrzWith(mrz, 0, 14, '0'), PayloadKind.MRZ, false,
                        "document number check digit"),
                row("MRZ, birth date check wrong", mrzWith(mrz, 1, 6, nextDigit(mrzLine2.charAt(6))), PayloadKind.MRZ, false,
                        "date of birth check digit"),
                row("MRZ, expiry check wrong", mrzWith(mrz, 1, 14, nextDigit(mrzLine2.charAt(14))), PayloadKind.MRZ, false,
                        "expiry date check digit"),
                row("MRZ, composite check wrong", mrzWith(mrz, 1, 29, nextDigit(mrzLine2.charAt(29))), PayloadKind.MRZ,
                        false, "composite check digit"),
                row("MRZ, document number not the ID's last 9 digits",
                        fixedMrz("001099012345", "099012346"), PayloadKind.MRZ, false, "last 9 digits"),
                row("MRZ, no 12-digit ID in optional data", mrzWith(mrz, 0, 20, '<'), PayloadKind.MRZ, false,
                        "12-digit ID"),
                row("MRZ, ID year digits disagree with birth date",
                        TestCards.mrz("001098012345", "990315", 'M', "390315", "NGUYEN<<VAN<AN"), PayloadKind.MRZ,
                        false, "birth year 1998"),
                // The MRZ date has no century, the ID supplies it: a 2000s ID on a '99 birth is a future birth.
                row("MRZ, ID century puts the birth in the future",
                        TestCards.mrz("001299012345", "990315", 'M', "390315", "NGUYEN<<VAN<AN"), PayloadKind.MRZ,
                        false, "in the future"),
                row("MRZ, sex disagrees with ID", TestCards.mrz("001099012345", "990315", 'F', "390315", "NGUYEN<<VAN<AN"),
                        PayloadKind.MRZ, false, "means MALE"),
                row("MRZ, two lines only", mrz.substring(0, mrz.lastIndexOf('\n')), PayloadKind.MRZ, false, "3 lines"),
                row("MRZ, a line one short", mrz.substring(0, mrz.length() - 1), PayloadKind.MRZ, false,
                        "29 characters"),
                row("MRZ, lower-case letters in line 3", mrz.replace("NGUYEN", "Nguyen"), PayloadKind.MRZ, false,
                        "outside A–Z"),
                row("MRZ, foreign issuer", fixedMrzIssuer("FRA"), PayloadKind.MRZ, false, "not VNM"),
                // --- household QR ---
                row("household QR signed by our hub", household, PayloadKind.HOUSEHOLD_QR, true, null),
                row("household QR altered after signing", household.replace("AT-TH1-0042", "AT-TH1-0043"),
                        PayloadKind.HOUSEHOLD_QR, false, "does not verify"),
                row("household QR signed by another hub", TestCards.household(OTHER_HUB), PayloadKind.HOUSEHOLD_QR,
                        false, "does not verify"),
                row("household QR without signature", "GDS1|an-tuong|AT-TH1-0042|20261121|", PayloadKind.HOUSEHOLD_QR,
                        false, "64 bytes of base64url"),
                row("household QR with 4 fields", "GDS1|an-tuong|AT-TH1-0042|20261121", PayloadKind.HOUSEHOLD_QR, false,
                        "exactly 5 fields"),
                row("household QR with 6 fields", household + "|x", PayloadKind.HOUSEHOLD_QR, false, "exactly 5 fields"),
                row("household QR, upper-case commune", household.replace("an-tuong", "AN-TUONG"), PayloadKind.HOUSEHOLD_QR,
                        false, "commune id"),
                row("household QR, lower-case household code", household.replace("AT-TH1-0042", "at-th1-0042"),
                        PayloadKind.HOUSEHOLD_QR, false, "household code"),
                row("household QR, not a date", household.replace("20261121", "20261131"), PayloadKind.HOUSEHOLD_QR, false,
                        "real date"),
                row("household QR, padded base64", household.substring(0, household.length() - 2) + "==",
                        PayloadKind.HOUSEHOLD_QR, false, "base64url"),
                row("household QR, non-canonical base64 (unused bits set)", nonCanonical(household),
                        PayloadKind.HOUSEHOLD_QR, false, "base64url"),
                row("household QR, version 3", household.replace("GDS1|", "GDS3|"), PayloadKind.HOUSEHOLD_QR, false,
                        "must start with 'GDS2|'"),
                row("household QR GDS2 with a GDS1 layout", household.replace("GDS1|", "GDS2|"),
                        PayloadKind.HOUSEHOLD_QR, false, "exactly 7 fields"),
                // --- anything else ---
                row("plain text", "xin chào", PayloadKind.UNKNOWN, false, "not a household QR"),
                row("a URL", "https://dichvucong.gov.vn/", PayloadKind.UNKNOWN, false, "not a household QR"),
                row("empty", "", PayloadKind.UNKNOWN, false, "empty payload"),
                row("only line ends", "\r\n\r\n", PayloadKind.UNKNOWN, false, "empty payload"),
                row("5,000 characters", "1|".repeat(2500), PayloadKind.UNKNOWN, false, "refused"),
                row("binary junk with a control char", "\u0000\u0001garbage", PayloadKind.UNKNOWN, false,
                        "control character"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void identifiesEveryRow(String name, String payload, PayloadKind kind, boolean valid, String reason) {
        Identification result = CLASSIFIER.identify(payload);
        assertEquals(kind, result.kind(), () -> name + " → " + result.errors());
        assertEquals(valid, result.valid(), () -> name + " → " + result.errors());
        if (valid) {
            assertTrue(result.errors().isEmpty());
        } else {
            assertTrue(result.errors().stream().anyMatch(e -> e.contains(reason)),
                    () -> name + ": expected a reason containing '" + reason + "' in " + result.errors());
        }
    }

    private static Arguments row(String name, String payload, PayloadKind kind, boolean valid, String reason) {
        return Arguments.of(name, payload, kind, valid, reason);
    }

    /** Flips an unused low bit of the last base64url character: same bytes, different text. */
    private static String nonCanonical(String household) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = household.charAt(household.length() - 1);
        char flipped = alphabet.charAt(alphabet.indexOf(last) ^ 1);
        return household.substring(0, household.length() - 1) + flipped;
    }

    private static char nextDigit(char c) {
        return (char) ('0' + (c - '0' + 1) % 10);
    }

    /** An MRZ whose document number is set independently of the ID, check digits all correct. */
    private static String fixedMrz(String id, String doc) {
        String l1 = "IDVNM" + doc + MrzCheckDigit.of(doc) + id + "<<<";
        return withLine1(l1);
    }

    private static String fixedMrzIssuer(String issuer) {
        String m = mrz();
        return withLine1(issuer.length() == 3 ? "ID" + issuer + m.substring(5, 30) : m);
    }

    private static String withLine1(String l1) {
        String[] lines = mrz().split("\n");
        String l2 = lines[1].substring(0, 29);
        String composite = l1.substring(5) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29);
        return l1 + "\n" + l2 + MrzCheckDigit.of(composite) + "\n" + lines[2];
    }
}
