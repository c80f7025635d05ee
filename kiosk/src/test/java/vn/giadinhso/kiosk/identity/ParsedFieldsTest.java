package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fields a valid payload yields, as the app will use them. */
class ParsedFieldsTest {

    private final KeyPair hub = TestCards.newHubKeys();
    private final PayloadClassifier classifier = new PayloadClassifier(Optional.of(hub.getPublic()), TestCards.TODAY);

    @Test
    void citizenQrFields() {
        CitizenQr c = (CitizenQr) classifier.identify(TestCards.CAN_CUOC_2024);
        assertEquals("064305001234", c.idNumber());
        assertNull(c.oldIdNumber());
        assertEquals("Rơ Châm H'Nhi", c.fullName());
        assertEquals(LocalDate.of(2005, 2, 2), c.dateOfBirth());
        assertEquals(Sex.FEMALE, c.sex());
        assertEquals("Thôn Plei Ơi, xã Ia Pếch, huyện Ia Grai, Gia Lai", c.address());
        assertEquals(LocalDate.of(2024, 10, 4), c.issueDate());
    }

    @Test
    void decomposedNamesComeOutInNfc() {
        String nfd = Normalizer.normalize(TestCards.CCCD_2021, Normalizer.Form.NFD);
        CitizenQr c = (CitizenQr) classifier.identify(nfd);
        assertTrue(c.valid(), c.errors()::toString);
        assertEquals(Normalizer.normalize("Nguyễn Văn An", Normalizer.Form.NFC), c.fullName());
        assertTrue(Normalizer.isNormalized(c.address(), Normalizer.Form.NFC));
    }

    @Test
    void oldIdIsKeptWhenPresent() {
        CitizenQr c = (CitizenQr) classifier.identify(TestCards.CCCD_WITH_CMND);
        assertEquals("025123456", c.oldIdNumber());
    }

    @Test
    void mrzFields() {
        MrzCard m = (MrzCard) classifier.identify(TestCards.mrz());
        assertEquals("001099012345", m.idNumber());
        assertEquals("099012345", m.documentNumber());
        assertEquals("NGUYEN VAN AN", m.fullName());
        assertEquals(LocalDate.of(1999, 3, 15), m.dateOfBirth());
        assertEquals(Sex.MALE, m.sex());
        assertEquals(LocalDate.of(2039, 3, 15), m.expiryDate());
        assertEquals("VNM", m.nationality());
    }

    @Test
    void mrzCenturyComesFromTheIdNumber() {
        MrzCard m = (MrzCard) classifier.identify(TestCards.mrz("064305001234", "050202", 'F', "300202", "RO<<CHAM<H<NHI"));
        assertEquals(LocalDate.of(2005, 2, 2), m.dateOfBirth());
        assertEquals("RO CHAM H NHI", m.fullName());
    }

    @Test
    void householdFields() {
        HouseholdCard h = (HouseholdCard) classifier.identify(TestCards.household(hub));
        assertTrue(h.valid());
        assertEquals("AT-TH1-0042", h.householdCode());
        assertEquals("an-tuong", h.communeId());
        assertEquals(LocalDate.of(2026, 11, 21), h.issued());
    }

    @Test
    void householdWithoutHubKeyIsUnverifiable() {
        PayloadClassifier keyless = new PayloadClassifier(Optional.empty(), TestCards.TODAY);
        Identification h = keyless.identify(TestCards.household(hub));
        assertEquals(PayloadKind.HOUSEHOLD_QR, h.kind());
        assertFalse(h.valid());
        assertTrue(h.errors().get(0).startsWith("unverifiable"));
    }

    @Test
    void hubKeyTextRoundTrips() {
        String text = HubPublicKey.toText(hub.getPublic());
        assertTrue(text.startsWith("MCowBQYDK2VwAyEA"));
        assertEquals(60, text.length());
        assertEquals(hub.getPublic(), HubPublicKey.fromText(text + "\n"));
    }

    @Test
    void bytesDecodeInTheProfileEncoding() {
        byte[] utf8 = TestCards.CCCD_2021.getBytes(StandardCharsets.UTF_8);
        assertTrue(classifier.identify(utf8, StandardCharsets.UTF_8).valid());
        byte[] cp1258 = TestCards.CCCD_2021.getBytes(Charset.forName("windows-1258"));
        Identification mangled = classifier.identify(cp1258, StandardCharsets.UTF_8);
        assertEquals(PayloadKind.CCCD_QR, mangled.kind());
        assertTrue(mangled.errors().get(0).contains("U+FFFD"));
    }

    @Test
    void oversizedBytesAreRefusedBeforeDecoding() {
        Identification big = classifier.identify(new byte[PayloadClassifier.MAX_PAYLOAD_BYTES + 1], StandardCharsets.UTF_8);
        assertEquals(PayloadKind.UNKNOWN, big.kind());
        assertTrue(big.errors().get(0).contains("4097 bytes refused"));
    }

    @Test
    void resultsDoNotPrintIdNumbers() {
        Identification c = classifier.identify(TestCards.CCCD_2021);
        Identification m = classifier.identify(TestCards.mrz());
        assertFalse(c.toString().contains("001099012345"));
        assertFalse(c.toString().contains("Nguyễn"));
        assertFalse(m.toString().contains("001099012345"));
    }
}
