package vn.giadinhso.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.hardware.QrImageDecoderTest;
import vn.giadinhso.kiosk.hardware.ShippedProfiles;
import vn.giadinhso.kiosk.identity.HubPublicKey;
import vn.giadinhso.kiosk.identity.TestCards;

/** The operator's view: what the commands print. */
class CommandLineTest {

    private final ObjectMapper json = new ObjectMapper();
    private final KeyPair hub = TestCards.newHubKeys();

    @TempDir
    Path dir;

    private record Run(int code, List<String> lines, String err) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KioskMain.run(args, new PrintWriter(out), new PrintWriter(err));
        List<String> lines = out.toString().lines().toList();
        return new Run(code, lines, err.toString());
    }

    private Path hubKeyFile() throws Exception {
        return Files.writeString(dir.resolve("hub.pub"), HubPublicKey.toText(hub.getPublic()) + "\n");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void citizenQrPrintsTheDocumentedFields() throws Exception {
        Run r = run("identify", TestCards.CCCD_2021);
        assertEquals(0, r.code());
        assertEquals(List.of("{\"kind\":\"CCCD_QR\",\"valid\":true,\"errors\":[],\"idNumber\":\"001099012345\","
                + "\"oldIdNumber\":null,\"fullName\":\"Nguyễn Văn An\",\"dateOfBirth\":\"1999-03-15\",\"sex\":\"MALE\","
                + "\"address\":\"Số 12 ngõ 34 phố Huế, phường Phố Huế, quận Hai Bà Trưng, Hà Nội\","
                + "\"issueDate\":\"2021-04-20\"}"), r.lines());
    }

    @Test
    void onePayloadPerLineInOrder() throws Exception {
        Run r = run("identify", "--hub-key", hubKeyFile().toString(), TestCards.mrz(), TestCards.household(hub),
                "rác", TestCards.CCCD_WITH_CMND);
        assertEquals(4, r.lines().size());
        JsonNode mrz = json.readTree(r.lines().get(0));
        assertEquals(List.of("kind", "valid", "errors", "idNumber", "documentNumber", "fullName", "dateOfBirth", "sex",
                "expiryDate", "nationality"), fieldNames(mrz));
        assertEquals("099012345", mrz.get("documentNumber").asText());
        assertEquals("2039-03-15", mrz.get("expiryDate").asText());
        JsonNode household = json.readTree(r.lines().get(1));
        assertEquals(List.of("kind", "valid", "errors", "householdCode"), fieldNames(household));
        assertTrue(household.get("valid").asBoolean());
        assertEquals("AT-TH1-0042", household.get("householdCode").asText());
        JsonNode unknown = json.readTree(r.lines().get(2));
        assertEquals(List.of("kind", "valid", "errors"), fieldNames(unknown));
        assertEquals("UNKNOWN", unknown.get("kind").asText());
        assertEquals("025123456", json.readTree(r.lines().get(3)).get("oldIdNumber").asText());
    }

    @Test
    void withoutHubKeyAHouseholdCardIsUnverifiable() throws Exception {
        JsonNode h = json.readTree(run("identify", TestCards.household(hub)).lines().get(0));
        assertEquals("HOUSEHOLD_QR", h.get("kind").asText());
        assertEquals(false, h.get("valid").asBoolean());
        assertTrue(h.get("errors").get(0).asText().startsWith("unverifiable"));
    }

    @Test
    void aCardFromAnotherHubIsRejected() throws Exception {
        String foreign = TestCards.household(TestCards.newHubKeys());
        JsonNode h = json.readTree(run("identify", "--hub-key", hubKeyFile().toString(), foreign).lines().get(0));
        assertEquals(false, h.get("valid").asBoolean());
        assertTrue(h.get("errors").get(0).asText().contains("does not verify"));
    }

    @Test
    void imagesAreDecodedFirst() throws Exception {
        Path png = dir.resolve("card.png");
        ImageIO.write(QrImageDecoderTest.qr(TestCards.CAN_CUOC_2024, 400), "png", png.toFile());
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new java.awt.image.BufferedImage(50, 50, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                blank.toFile());
        Run r = run("identify", "--image", png.toString(), "--image", blank.toString());
        JsonNode card = json.readTree(r.lines().get(0));
        assertEquals("CCCD_QR", card.get("kind").asText());
        assertEquals("Rơ Châm H'Nhi", card.get("fullName").asText());
        assertEquals("FEMALE", card.get("sex").asText());
        assertTrue(json.readTree(r.lines().get(1)).get("errors").get(0).asText().contains("no QR code"));
    }

    @Test
    void aBadHubKeyFileIsReportedNotIgnored() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pub"), "not a key");
        Run r = run("identify", "--hub-key", bad.toString(), TestCards.CCCD_2021);
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("--hub-key"), r.err());
    }

    @Test
    void listenOnTheSimulatedReaderPrintsOneLinePerFrame() throws Exception {
        String stream = "\u0000" + TestCards.CCCD_2021 + "\r\n" + TestCards.household(hub) + "\r\n" + TestCards.mrz();
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
            Run r = run("listen", "--profile", ShippedProfiles.file("simulated").toString(), "--hub-key",
                    hubKeyFile().toString());
            assertEquals(0, r.code());
            assertEquals(3, r.lines().size(), r.lines()::toString);
            assertEquals("CCCD_QR", json.readTree(r.lines().get(0)).get("kind").asText());
            assertTrue(json.readTree(r.lines().get(1)).get("valid").asBoolean());
            assertEquals("MRZ", json.readTree(r.lines().get(2)).get("kind").asText());
            assertTrue(json.readTree(r.lines().get(2)).get("valid").asBoolean());
            assertTrue(r.err().contains("connected simulated:simulated"), r.err());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void benchPrintsPercentilesBesideWireTime() {
        Run r = run("bench", "--profile", ShippedProfiles.file("generic-serial-qr").toString(), "--iterations", "300",
                "--warmup", "300");
        assertEquals(0, r.code(), r.err());
        String all = String.join("\n", r.lines());
        assertTrue(all.contains("9600 baud"), all);
        assertTrue(all.contains("p99/wire"), all);
        assertTrue(all.contains("CCCD 2021 QR") && all.contains("household QR"), all);
    }

    /**
     * Enrolment returns the kiosk's token and keys: enrol, run and demo refuse a plain http:// hub
     * on the network before contacting it, and say so in English with the way out.
     */
    @Test
    void aPlainHttpHubOnTheNetworkIsRefusedByEnrolRunAndDemo() throws Exception {
        Path data = dir.resolve("kiosk");
        Path cards = Files.writeString(dir.resolve("cards.json"), "[]");
        List<Run> runs = List.of(
                run("enrol", "--data", data.toString(), "--hub", "http://192.168.1.10:7070", "--code", "ABCD-EFGH-JKMN"),
                run("run", "--data", data.toString(), "--hub", "http://hub.example:7070"),
                run("demo", "--data", data.toString(), "--hub", "http://10.0.0.2:7070", "--cards", cards.toString()));
        for (Run r : runs) {
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("--hub refused"), r.err());
            assertTrue(r.err().contains("is plain http:// on the network"), r.err());
            assertTrue(r.err().contains("needs https://"), r.err());
            assertTrue(r.err().contains("only for localhost, 127.0.0.1 or [::1]"), r.err());
        }
        assertTrue(runs.get(0).err().startsWith("enrol: "), runs.get(0).err());
        assertTrue(runs.get(2).err().startsWith("demo: "), runs.get(2).err());
        assertTrue(!Files.exists(data), "nothing written for a refused address");
    }

    @Test
    void aLoopbackHttpHubIsStillTried() {
        // Nothing listens on port 1: the address passes the rule and the connection fails instead.
        Run r = run("enrol", "--data", dir.resolve("k").toString(), "--hub", "http://127.0.0.1:1", "--code", "ABCD-EFGH-JKMN");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("cannot be reached"), r.err());
    }
}
