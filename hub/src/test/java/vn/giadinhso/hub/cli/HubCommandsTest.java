package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.protocol.HouseholdQr;

class HubCommandsTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  private String db() {
    return dir.resolve("hub.db").toString();
  }

  @Test
  void demoDataPrintsAdminPasswordAndEnrolmentCodeAndLoadsARealisticDemo() throws Exception {
    Cli demo = Cli.run("demo-data", "--db", db(), "--cards", dir.resolve("cards.json").toString());
    assertEquals(0, demo.exitCode(), demo.err());
    String[] lines = demo.lines();
    assertEquals(3, lines.length, demo.out());
    assertTrue(lines[0].matches("admin password: \\S{16,}"), lines[0]);
    assertTrue(lines[1].matches("enrolment code: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), lines[1]);
    assertTrue(lines[2].matches("field app \\(/field/ on a phone-sized window\\): doi-tan-thanh, password: \\S{16,}"),
        lines[2]);
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      int households = hub.households.count("an-tuong") + hub.households.count("kon-chieng");
      assertEquals(200, households);
      assertEquals(2, hub.schedule.points("an-tuong").size());
      assertEquals(2, hub.schedule.points("kon-chieng").size());
      int villages = hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM village").mapTo(Integer.class).one());
      assertTrue(villages >= 3);
      // At least 3 sessions per point in this month and next, in Vietnam's calendar.
      var perPointAndMonth = hub.db.reader().withHandle(h -> h.createQuery("SELECT support_point_id, starts_at FROM session")
          .map((rs, ctx) -> rs.getString(1) + " " + java.time.YearMonth.from(
              java.time.Instant.parse(rs.getString(2)).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))))
          .collect(java.util.stream.Collectors.groupingBy(k -> k, java.util.stream.Collectors.counting())));
      assertTrue(perPointAndMonth.values().stream().allMatch(n -> n >= 3), perPointAndMonth.toString());
      // A year of history (the last twelve months), this month and next.
      assertEquals(13, perPointAndMonth.keySet().stream().map(k -> k.substring(k.indexOf(' '))).distinct().count());
      assertTrue(hub.users.checkPassword("admin", lines[0].substring("admin password: ".length())));
      // Mixed statuses: some households recognised, most not yet, and every status kind present.
      var kinds = hub.db.reader().withHandle(h -> h.createQuery("SELECT DISTINCT status FROM criterion_status")
          .mapTo(String.class).set());
      // NOT_MET: the history's declarations that staff rejected.
      assertEquals(java.util.Set.of("MET", "PRACTISED", "DECLARED", "NOT_MET"), kinds);
      var groups = hub.db.reader().withHandle(h -> h.createQuery("SELECT groups_json FROM household").mapTo(String.class).list());
      assertTrue(groups.stream().anyMatch(g -> g.contains("officials")));
      assertTrue(groups.stream().anyMatch(g -> g.contains("women-farmers")));
    }
    JsonNode cards = json.readTree(dir.resolve("cards.json").toFile());
    assertTrue(cards.size() >= 5);
  }

  @Test
  void serveRefusesAPublicUrlAKioskCouldNotUse() {
    for (String bad : new String[] {"ftp://hub.example", "hub.example"}) {
      Cli run = Cli.run("serve", "--db", db(), "--port", "0", "--public-url", bad);
      assertEquals(2, run.exitCode(), bad + ": " + run.out());
      assertTrue(run.err().contains("--public-url must be an http(s) address"), run.err());
    }
  }

  @Test
  void demoDataRunTwiceKeepsTheDataAndIssuesFreshSecrets() {
    Cli first = Cli.run("demo-data", "--db", db());
    Cli second = Cli.run("demo-data", "--db", db());
    assertEquals(0, second.exitCode());
    assertTrue(!first.out().equals(second.out()));
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      assertEquals(110, hub.households.count("an-tuong"));
      int history = hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM criterion_status").mapTo(Integer.class).one());
      Cli.run("demo-data", "--db", db());
      int after = hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM criterion_status").mapTo(Integer.class).one());
      assertEquals(history, after, "running the demo again must not append status history");
    }
  }

  @Test
  void enrolCodePrintsTheCodeAndNothingElse() {
    Cli.run("demo-data", "--db", db());
    Cli code = Cli.run("enrol-code", "--db", db(), "--point", "kon-chieng-ubnd");
    assertEquals(0, code.exitCode());
    assertTrue(code.out().matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\n"), code.out());
    Cli unknown = Cli.run("enrol-code", "--db", db(), "--point", "nowhere");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no support point nowhere"));
    assertEquals("", unknown.out());
  }

  @Test
  void householdQrIsSignedByTheKeyThatPublicKeyPrintsAndThePngDecodesToIt() throws Exception {
    Cli.run("demo-data", "--db", db());
    Cli key = Cli.run("public-key", "--db", db());
    assertEquals(1, key.lines().length);
    PublicKey publicKey = KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.out().strip())));
    Path png = dir.resolve("qr.png");
    Cli qr = Cli.run("household-qr", "--db", db(), "--household", "AT-T1-0001", "--png", png.toString());
    assertEquals(0, qr.exitCode(), qr.err());
    String payload = qr.out().strip();
    assertEquals("AT-T1-0001", HouseholdQr.verify(payload, publicKey).orElseThrow().householdCode());
    var image = ImageIO.read(png.toFile());
    String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
    assertEquals(payload, decoded);
    Cli missing = Cli.run("household-qr", "--db", db(), "--household", "XX-0000");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("no household with code XX-0000"));
  }

  @Test
  void theSecretsLiveOutsideTheDatabaseFile() throws Exception {
    Cli.run("demo-data", "--db", db());
    String key = Cli.run("public-key", "--db", db()).out().strip();
    assertTrue(Files.exists(dir.resolve("hub.db.secrets.json")));
    byte[] database = vn.giadinhso.hub.TestDatabase.postgres()
        ? vn.giadinhso.hub.TestDatabase.everyRowAsText(dir.resolve("hub.db")).getBytes(StandardCharsets.ISO_8859_1)
        : Files.readAllBytes(dir.resolve("hub.db"));
    String secrets = Files.readString(dir.resolve("hub.db.secrets.json"));
    String privateKey = json.readTree(secrets).get("signingPrivateKey").asText();
    String masterKey = json.readTree(secrets).get("memberHashMasterKey").asText();
    String asText = new String(database, StandardCharsets.ISO_8859_1);
    assertTrue(!asText.contains(privateKey) && !asText.contains(masterKey) && !asText.contains(key));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("hub.db.secrets.json"))));
  }

  @Test
  void exportEventsPrintsOneJsonLinePerEventFilteredByKioskAndType() throws Exception {
    Cli.run("demo-data", "--db", db());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      var kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("an-tuong-ubnd"));
      var ids = new vn.giadinhso.protocol.Uuid7(java.time.Clock.systemUTC());
      var events = java.util.List.of(
          new vn.giadinhso.hub.ingest.IncomingEvent(ids.at(1_700_000_000_000L).toString(), "heartbeat",
              java.time.Instant.parse("2026-11-21T01:00:00Z"), "{\"backlog\":3}"),
          new vn.giadinhso.hub.ingest.IncomingEvent(ids.at(1_700_000_000_001L).toString(), "identified",
              java.time.Instant.parse("2026-11-21T01:00:01Z"), "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"AT-T1-0001\"}"));
      hub.events.append(kiosk.kioskId(), events, java.time.Instant.parse("2026-11-21T01:05:00Z"));
      // The demo's own kiosks sent a year of history; this test's kiosk sent the two above.
      Cli all = Cli.run("export-events", "--db", db(), "--kiosk", kiosk.kioskId());
      assertEquals(2, all.lines().length);
      JsonNode first = json.readTree(all.lines()[0]);
      assertEquals(events.get(0).id(), first.get("id").asText());
      assertEquals(kiosk.kioskId(), first.get("kioskId").asText());
      assertEquals("heartbeat", first.get("type").asText());
      assertEquals("2026-11-21T01:00:00Z", first.get("at").asText());
      assertEquals("2026-11-21T01:05:00Z", first.get("receivedAt").asText());
      assertEquals(3, first.get("payload").get("backlog").asInt());
      assertEquals(1, Cli.run("export-events", "--db", db(), "--kiosk", kiosk.kioskId(), "--type", "identified").lines().length);
      assertEquals(0, Cli.run("export-events", "--db", db(), "--kiosk", "k-other").lines().length);
    }
  }

  @Test
  void revokeKioskLocksALostKioskOut() throws Exception {
    Cli.run("demo-data", "--db", db());
    String kioskId;
    String token;
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      var kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("an-tuong-ubnd"));
      kioskId = kiosk.kioskId();
      token = kiosk.token();
      assertTrue(hub.kiosks.authenticate(token).isPresent());
    }
    Cli revoke = Cli.run("revoke-kiosk", "--db", db(), "--kiosk", kioskId);
    assertEquals(0, revoke.exitCode(), revoke.err());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      assertTrue(hub.kiosks.authenticate(token).isEmpty());
      assertTrue(hub.kiosks.status(kioskId).orElseThrow().revoked());
    }
    assertEquals(2, Cli.run("revoke-kiosk", "--db", db(), "--kiosk", "k-unknown").exitCode());
  }
}
