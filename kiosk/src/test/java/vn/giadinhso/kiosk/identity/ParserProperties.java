package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import vn.giadinhso.protocol.CitizenIdNumber;

/**
 * Fuzzing every parser: random and mutated inputs never make one throw, and every input is
 * classified with reasons exactly when it is invalid. Tries per property come from
 * junit-platform.properties (jqwik.tries.default); raise it for a long run.
 */
class ParserProperties {

    private static final KeyPair HUB = TestCards.newHubKeys();
    private static final PayloadClassifier CLASSIFIER =
            new PayloadClassifier(Optional.of(HUB.getPublic()), TestCards.TODAY);
    private static final String HOUSEHOLD = TestCards.household(HUB);
    private static final List<String> REAL = List.of(TestCards.CCCD_2021, TestCards.CAN_CUOC_2024,
            TestCards.CCCD_WITH_CMND, HOUSEHOLD, TestCards.mrz(), TestCards.mrz().replace("\n", "\r\n"));

    @Property
    void anyTextIsClassified(@ForAll @StringLength(max = 5000) String text) {
        assertWellFormed(CLASSIFIER.identify(text));
    }

    @Property
    void anyBytesAreClassified(@ForAll @Size(max = 5000) byte[] bytes, @ForAll("encodings") Charset encoding) {
        assertWellFormed(CLASSIFIER.identify(bytes, encoding));
    }

    @Property
    void mutatedRealPayloadsAreClassified(@ForAll("mutatedPayloads") String text) {
        assertWellFormed(CLASSIFIER.identify(text));
    }

    @Property
    void anyChangeToASignedHouseholdCardIsCaught(@ForAll("mutatedHousehold") String text) {
        Identification id = CLASSIFIER.identify(text);
        assertWellFormed(id);
        if (!text.strip().equals(HOUSEHOLD)) {
            assertFalse(id.valid(), "an altered card verified: " + text);
        }
    }

    @Property
    void oversizedInputIsRefusedWhateverItHolds(@ForAll @IntRange(min = 4097, max = 200_000) int length) {
        Identification id = CLASSIFIER.identify("0".repeat(length));
        assertEquals(PayloadKind.UNKNOWN, id.kind());
        assertTrue(id.errors().get(0).contains("refused"));
    }

    @Property
    void anyFieldsInACitizenQrAreParsed(@ForAll @Size(max = 14) List<@StringLength(max = 40) String> fields) {
        CitizenQr c = new CccdQrParser(TestCards.TODAY).parse(String.join("|", fields));
        assertEquals(c.valid(), c.errors().isEmpty());
    }

    @Property
    void anyMrzShapedLinesAreParsed(@ForAll("mrzLines") List<String> lines) {
        MrzCard m = new MrzTd1Parser(TestCards.TODAY).parse(lines);
        assertEquals(m.valid(), m.errors().isEmpty());
    }

    /** Any real person's card: the ID built by the rules is accepted, with the other sex it is not. */
    @Property
    void citizenQrAcceptsEveryConsistentCardAndCatchesTheWrongSexDigit(@ForAll("cards") Card card) {
        assertTrue(CLASSIFIER.identify(card.qr(card.id())).valid(), card::toString);
        String otherSex = card.id().substring(0, 3) + (char) ((card.id().charAt(3) - '0' ^ 1) + '0') + card.id().substring(4);
        Identification wrong = CLASSIFIER.identify(card.qr(otherSex));
        assertFalse(wrong.valid());
    }

    /** A single misread digit in any check-digit-protected field of line 2 is always caught. */
    @Property
    void everySingleDigitMisreadInTheMrzIsCaught(@ForAll("cards") Card card, @ForAll @IntRange(min = 0, max = 11) int pos,
            @ForAll @IntRange(min = 1, max = 9) int delta) {
        String mrz = card.mrz();
        assertTrue(CLASSIFIER.identify(mrz).valid(), () -> mrz + CLASSIFIER.identify(mrz).errors());
        String line2 = mrz.split("\n")[1];
        int index = pos < 6 ? pos : pos + 2; // birth date at 0–5, expiry at 8–13
        char c = line2.charAt(index);
        String misread = TestCards.mrzWith(mrz, 1, index, (char) ('0' + (c - '0' + delta) % 10));
        assertFalse(CLASSIFIER.identify(misread).valid(), misread);
    }

    private static void assertWellFormed(Identification id) {
        assertNotNull(id);
        assertNotNull(id.kind());
        assertEquals(id.valid(), id.errors().isEmpty());
        id.errors().forEach(e -> assertFalse(e.isBlank()));
        if (id.kind() == PayloadKind.UNKNOWN) {
            assertFalse(id.valid());
        }
    }

    @Provide
    Arbitrary<Charset> encodings() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1,
                Charset.forName("windows-1258"), StandardCharsets.UTF_16LE);
    }

    @Provide
    Arbitrary<String> mutatedPayloads() {
        return mutationsOf(Arbitraries.of(REAL));
    }

    @Provide
    Arbitrary<String> mutatedHousehold() {
        return mutationsOf(Arbitraries.just(HOUSEHOLD));
    }

    /** A real payload with 1–4 edits: replace, insert, delete, duplicate, cut, swap a separator. */
    private static Arbitrary<String> mutationsOf(Arbitrary<String> seeds) {
        Arbitrary<Character> anyChar = Arbitraries.oneOf(Arbitraries.chars().all(),
                Arbitraries.of('|', '<', '\n', '\r', '\uFFFD', '0', '9', 'A', 'ễ', '\u0000', '-', '_'));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 40), anyChar)
                .as(Edit::new);
        return Combinators.combine(seeds, edit.list().ofMinSize(1).ofMaxSize(4)).as((seed, edits) -> {
            StringBuilder sb = new StringBuilder(seed);
            for (Edit e : edits) {
                e.apply(sb);
            }
            return sb.toString();
        });
    }

    private record Edit(int op, int at, int length, char c) {
        void apply(StringBuilder sb) {
            int i = sb.length() == 0 ? 0 : at % (sb.length() + 1);
            int end = Math.min(sb.length(), i + length);
            switch (op) {
                case 0 -> {
                    if (i < sb.length()) {
                        sb.setCharAt(i, c);
                    }
                }
                case 1 -> sb.insert(i, c);
                case 2 -> sb.delete(i, end);
                case 3 -> sb.insert(i, sb.substring(i, end));
                case 4 -> sb.setLength(i);
                default -> {
                    int bar = sb.indexOf("|", i);
                    if (bar >= 0) {
                        sb.deleteCharAt(bar);
                    }
                }
            }
        }
    }

    @Provide
    Arbitrary<List<String>> mrzLines() {
        Arbitrary<String> line = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<<<<<")
                .ofMinLength(0).ofMaxLength(32);
        Arbitrary<String> realLine = Arbitraries.of(TestCards.mrz().split("\n"));
        return Arbitraries.oneOf(line, realLine).list().ofMinSize(0).ofMaxSize(5);
    }

    record Card(int province, LocalDate dob, boolean female, String serial, LocalDate issued) {
        String id() {
            int centuryIndex = switch (dob.getYear() / 100) {
                case 18 -> 4;
                case 19 -> 0;
                case 20 -> 1;
                case 21 -> 2;
                default -> 3;
            };
            int g = centuryIndex * 2 + (female ? 1 : 0);
            return String.format("%03d%d%02d%s", province, g, dob.getYear() % 100, serial);
        }

        String qr(String id) {
            return id + "||Nguyễn Thị Thu Hà|" + ddMMyyyy(dob) + "|" + (female ? "Nữ" : "Nam") + "|Thôn 3, xã Ân Tường|"
                    + ddMMyyyy(issued);
        }

        String mrz() {
            String yymmdd = String.format("%02d%02d%02d", dob.getYear() % 100, dob.getMonthValue(), dob.getDayOfMonth());
            return TestCards.mrz(id(), yymmdd, female ? 'F' : 'M', "400101", "NGUYEN<<THI<THU<HA");
        }

        private static String ddMMyyyy(LocalDate d) {
            return String.format("%02d%02d%04d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
        }
    }

    @Provide
    Arbitrary<Card> cards() {
        LocalDate today = LocalDate.now(TestCards.TODAY);
        Arbitrary<LocalDate> dob = Arbitraries.longs().between(LocalDate.of(1890, 1, 1).toEpochDay(), today.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Combinators.combine(Arbitraries.of(CitizenIdNumber.PROVINCE_CODES).map(Integer::parseInt), dob, Arbitraries.of(true, false),
                Arbitraries.strings().numeric().ofLength(6))
                .as((p, d, f, s) -> new Card(p, d, f, s, d.isAfter(today.minusYears(1)) ? today : d.plusYears(1)));
    }
}
