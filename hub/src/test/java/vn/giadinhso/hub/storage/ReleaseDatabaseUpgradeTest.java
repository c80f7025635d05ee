package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.web.ClientAddress;
import vn.giadinhso.hub.web.HubHttp;
import vn.giadinhso.hub.web.StaffClient;
import vn.giadinhso.protocol.HouseholdQr;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.Uuid7;

/**
 * Issue 11: a commune's hub database written by the last release (commit a423b1f) opens with
 * today's hub, which migrates it, and nothing a commune relies on is lost. The fixture in
 * {@code src/test/resources/fixtures/release-a423b1f/} was made by that release's own jar
 * ({@code make-release-db.sh}): the demo's 200 households, a kiosk enrolled with a code that posted
 * 647 events of every type over HTTP, a staff account, dashboard edits. Beside it, what the release
 * showed: the event log's listing, both communes' report JSON, the kiosk's token and cursor.
 *
 * <p>The hub runs on a copy, with its clock fixed at the minute the fixture was made, so the
 * report's "this month" is the month the release reported on. Nothing here names the migrations'
 * folder: the hub finds its own migrations.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseDatabaseUpgradeTest {
  private static final String FIXTURE = "/fixtures/release-a423b1f/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ADMIN = "kiem-tra-nang-cap";
  private static final String ADMIN_PASSWORD = "mat-khau-kiem-tra-1";

  @TempDir static Path dir;
  static JsonNode kiosk;
  static Instant madeAt;
  /** Every table of the release's schema, row by row, as the release left it and as the upgrade left it. */
  static Map<String, List<List<String>>> before;
  static Map<String, List<List<String>>> after;
  static List<Map<String, String>> historyBefore;
  static List<Map<String, String>> historyAfter;
  static List<String> eventLogAfter;
  static HubApp hub;
  static Javalin http;

  @BeforeAll
  static void upgradeACopyOfTheReleaseDatabase() throws Exception {
    vn.giadinhso.hub.TestDatabase.sqliteOnly("a SQLite database made by the release migrates forward");
    Path db = dir.resolve("hub.db");
    Files.copy(fixture("hub.db"), db);
    Files.copy(fixture("hub.db.secrets.json"), dir.resolve("hub.db.secrets.json"));
    kiosk = JSON.readTree(fixture("kiosk.json").toFile());
    madeAt = Instant.parse(kiosk.get("madeAt").asText());

    Map<String, List<String>> columns;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      columns = columns(c);
      before = rows(c, columns, Map.of());
      historyBefore = history(c);
    }

    hub = HubApp.open(db, Clock.fixed(madeAt, ZoneOffset.UTC));

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      after = rows(c, columns, MOVED);
      historyAfter = history(c);
      eventLogAfter = eventListing(c);
    }
    // Someone to read the other commune's report with; added after the snapshot above.
    hub.users.create(ADMIN, ADMIN_PASSWORD, UserStore.Role.ADMIN, null);
    http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.stop();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void theReleaseMigrationsStayAsAppliedAndTheNewOnesFollow() {
    assertEquals(7, historyBefore.size(), "the release's schema history (V1-V5, V20, V21)");
    assertEquals(historyBefore, historyAfter.subList(0, historyBefore.size()),
        "applied migrations are never edited: same versions, scripts and checksums");
    assertTrue(historyAfter.size() > historyBefore.size(), "today's migrations were applied");
    for (Map<String, String> row : historyAfter) {
      assertEquals("1", row.get("success"), "migration " + row.get("version"));
    }
  }

  @Test
  void everyRowTheReleaseStoredIsStillThereWithIdNumbersMaskedToTheLastTwoDigits() {
    assertEquals(before.keySet(), after.keySet());
    for (String table : before.keySet()) {
      List<List<String>> expected = table.equals("member") ? maskedTheNewWay(before.get(table))
          : table.equals("report_cursor") ? recountedFromZero(before.get(table)) : before.get(table);
      assertSameRows(table, expected, after.get(table));
    }
    // What a commune counts first (figures from the release's demo-data and the kiosk's traffic).
    assertEquals(200, before.get("household").size());
    assertEquals(593, before.get("member").size());
    assertEquals(1167, before.get("criterion_status").size());
    assertEquals(34, before.get("session").size());
    assertEquals(4, before.get("support_point").size());
    assertEquals(2, before.get("app_user").size());
    assertEquals(30, before.get("support_request").size());
    assertEquals(40, before.get("declaration").size());
  }

  @Test
  void theEventLogIsTheOneTheReleaseStoredIdForIdAndByteForByte() throws Exception {
    List<String> listing = Files.readAllLines(fixture("events.tsv"), StandardCharsets.UTF_8);
    List<String> recorded = listing.subList(1, listing.size());
    assertEquals(kiosk.get("eventsPosted").asInt(), recorded.size());
    assertSameRows("event log", recorded, eventLogAfter);
  }

  @Test
  void theSecretsFileKeepsTheReleaseKeys() throws Exception {
    // Same member-hash master key and QR signing key: member hashes, kiosks' keys and printed cards stay valid.
    JsonNode old = JSON.readTree(fixture("hub.db.secrets.json").toFile());
    JsonNode now = JSON.readTree(dir.resolve("hub.db.secrets.json").toFile());
    for (String field : List.of("memberHashMasterKey", "signingPublicKey", "signingPrivateKey")) {
      assertEquals(old.get(field), now.get(field), field);
    }
  }

  @Test
  void theCommuneReportsShowTheFiguresTheReleaseShowed() throws Exception {
    StaffClient admin = signedIn(ADMIN, ADMIN_PASSWORD);
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      HttpResponse<String> report = admin.get("/dashboard/api/c/" + commune + "/report");
      assertEquals(200, report.statusCode(), report.body());
      JsonNode old = JSON.readTree(fixture("report-" + commune + ".json").toFile());
      assertSameFigures(commune, old, JSON.readTree(report.body()));
    }
  }

  @Test
  void theStaffAccountSignsInWithItsOldPasswordAndSeesItsCommune() throws Exception {
    StaffClient staff = new StaffClient(ReleaseDatabaseUpgradeTest::uri);
    assertNotEquals(303, staff.login(kiosk.get("staffUser").asText(), "not-the-password-1").statusCode());
    staff = signedIn(kiosk.get("staffUser").asText(), kiosk.get("staffPassword").asText());

    String code = kiosk.get("labelledHousehold").asText();
    HttpResponse<String> page = staff.get("/dashboard/c/an-tuong/households/" + code);
    assertEquals(200, page.statusCode());
    List<String> masked = after.get("member").stream().filter(m -> m.get(0).equals(householdId(code)))
        .map(m -> m.get(4)).filter(m -> !m.equals("null")).toList();
    assertFalse(masked.isEmpty());
    for (String id : masked) {
      assertTrue(page.body().contains(id), "the page shows " + id);
    }
    assertFalse(page.body().matches("(?s).*\\d{4}\\*{6}\\d{2}.*"), "no ID number in the release's masked form");
    assertEquals(403, staff.get("/dashboard/c/kon-chieng/households").statusCode(), "still only their commune");
  }

  @Test
  void theEnrolledKioskSyncsWithItsOldTokenFromItsOldCursor() throws Exception {
    HttpResponse<String> fromCursor = kioskGet("/sync?since=" + kiosk.get("cursor").asText());
    assertEquals(200, fromCursor.statusCode(), fromCursor.body());
    assertEquals(0, JSON.readTree(fromCursor.body()).get("households").size(), "nothing changed since its last sync");

    List<JsonNode> households = new ArrayList<>();
    List<JsonNode> sessions = new ArrayList<>();
    JsonNode page = null;
    String cursor = null;
    do {
      HttpResponse<String> response = kioskGet("/sync?limit=40" + (cursor == null ? "" : "&since=" + cursor));
      assertEquals(200, response.statusCode(), response.body());
      page = JSON.readTree(response.body());
      page.get("households").forEach(households::add);
      page.get("sessions").forEach(sessions::add);
      cursor = page.get("cursor").asText();
    } while (page.get("more").asBoolean());

    assertEquals(110, households.size(), "every household of Ân Tường");
    // Kiosks now receive a 14-bit tag of each member's hash (docs/member-ids.md); the release's hashes give the same tags.
    List<Integer> tagsOfTheReleaseHashes = before.get("member").stream()
        .filter(m -> !m.get(3).equals("null") && householdCodeOf(m.get(0)).startsWith("AT-"))
        .map(m -> MemberIdHash.tag(m.get(3))).sorted().toList();
    List<Integer> tagsSynced = households.stream().flatMap(h -> stream(h.get("members")))
        .map(m -> m.get("idTag").asInt()).sorted().toList();
    assertEquals(tagsOfTheReleaseHashes, tagsSynced, "every member with a card, as the kiosk matches cards against them");
    JsonNode cancelled = sessions.stream().filter(s -> s.get("id").asText().equals(kiosk.get("cancelledSession").asText()))
        .findFirst().orElseThrow();
    assertEquals("CANCELLED", cancelled.get("status").asText());

    // A household card the release printed (GDS1) reads as key 1, which is the release's key.
    JsonNode key1 = stream(page.get("hubPublicKeys")).filter(k -> k.get("keyId").asText().equals("1")).findFirst().orElseThrow();
    assertEquals(kiosk.get("hubPublicKey").asText(), key1.get("publicKey").asText());
    var publicKey = KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key1.get("publicKey").asText())));
    HouseholdQr.Reading card = HouseholdQr.read(kiosk.get("cardPrinted").asText(),
        List.of(new HouseholdQr.HubKey("1", publicKey, null)), madeAt.atZone(ZoneOffset.UTC).toLocalDate());
    assertTrue(card.valid(), card.errors().toString());
  }

  @Test
  @Order(Integer.MAX_VALUE) // last: it adds to the log and the dashboard that the other tests compare with the release's
  void theEnrolledKioskPostsWithoutReEnrolmentAndItsOldEventsStillCountOnce() throws Exception {
    Uuid7 ids = new Uuid7(Clock.fixed(madeAt, ZoneOffset.UTC));
    String session = before.get("session").stream().map(s -> s.get(0))
        .filter(s -> s.startsWith("s-" + kiosk.get("supportPointId").asText())).findFirst().orElseThrow();
    String at = madeAt.toString();
    String memberHash = after.get("member").stream().filter(m -> m.get(0).equals(householdId("AT-T1-0005")))
        .map(m -> m.get(3)).filter(h -> !h.equals("null")).findFirst().orElseThrow();
    List<String> fresh = List.of(
        event(ids.next(), "identified", "{\"method\":\"household_qr\",\"result\":\"FOUND\",\"householdCode\":\"AT-T1-0005\"}", at),
        // The release's kiosk has no sealing key yet and sends the plain hash, as it did before.
        event(ids.next(), "identified", "{\"method\":\"cccd_qr\",\"result\":\"FOUND\",\"householdCode\":\"AT-T1-0005\","
            + "\"memberHash\":\"" + memberHash + "\"}", at),
        event(ids.next(), "status.viewed", "{\"householdCode\":\"AT-T1-0005\",\"met\":2,\"applicable\":6}", at),
        event(ids.next(), "attendance.checked_in", "{\"sessionId\":\"" + session + "\",\"householdCode\":\"AT-T1-0005\"}", at),
        event(ids.next(), "criterion.declared", "{\"householdCode\":\"AT-T1-0005\",\"criterionId\":\"device-internet\",\"status\":\"DECLARED\"}", at),
        event(ids.next(), "support.requested", "{\"topic\":\"Sau nâng cấp\",\"phone\":\"0912345678\",\"householdCode\":\"AT-T1-0005\"}", at),
        event(ids.next(), "lesson.started", "{\"lessonId\":\"zalo-oa\",\"version\":1,\"householdCode\":\"AT-T1-0005\"}", at),
        event(ids.next(), "lesson.step", "{\"lessonId\":\"zalo-oa\",\"step\":0,\"stepId\":\"open\",\"correct\":true,\"misses\":0}", at),
        event(ids.next(), "heartbeat", "{\"version\":\"0.1.0-SNAPSHOT\",\"backlog\":0,\"reader\":\"connected\"}", at),
        event(ids.next(), "reader.error", "{\"reader\":\"serial\",\"error\":\"timeout\"}", at));
    HttpResponse<String> posted = kioskPost(fresh);
    assertEquals(200, posted.statusCode(), posted.body());
    JsonNode answer = JSON.readTree(posted.body());
    assertEquals(fresh.size(), answer.get("accepted").asInt());
    assertEquals(0, answer.get("duplicates").asInt());

    // The kiosk resends its last batch from before the upgrade (an answer it never got): stored once.
    List<String> old = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, type, at, payload FROM event WHERE at < '" + at + "' ORDER BY id DESC LIMIT 50")) {
      while (rs.next()) {
        old.add(event(rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(3)));
      }
    }
    HttpResponse<String> resent = kioskPost(old);
    assertEquals(200, resent.statusCode(), resent.body());
    assertEquals(0, JSON.readTree(resent.body()).get("accepted").asInt());
    assertEquals(50, JSON.readTree(resent.body()).get("duplicates").asInt());

    StaffClient staff = signedIn(kiosk.get("staffUser").asText(), kiosk.get("staffPassword").asText());
    assertTrue(staff.get("/dashboard/c/an-tuong/requests").body().contains("Sau nâng cấp"), "the new request is queued");
  }

  // --- the fixture and its snapshots

  private static Path fixture(String name) throws Exception {
    return Path.of(ReleaseDatabaseUpgradeTest.class.getResource(FIXTURE + name).toURI());
  }

  /** The release's tables and their columns (the migration history is compared on its own). */
  private static Map<String, List<String>> columns(Connection c) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            + "AND name <> 'flyway_schema_history' ORDER BY name")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    for (String table : tables) {
      List<String> names = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
        while (rs.next()) {
          names.add(rs.getString("name"));
        }
      }
      out.put(table, names);
    }
    return out;
  }

  /** Every row of each table, the given columns only (later migrations may add some), in a stable order. */
  /**
   * Release columns that later migrations moved to another table, and where each value is now
   * (V34: a commune's province text is its province row's name; a staff account's commune a row of
   * user_commune).
   */
  static final Map<String, String> MOVED = Map.of(
      "commune.province", "(SELECT p.name FROM province p WHERE p.code = commune.province_code)",
      "app_user.commune_id", "(SELECT min(uc.commune_id) FROM user_commune uc WHERE uc.username = app_user.username)");

  private static Map<String, List<List<String>>> rows(Connection c, Map<String, List<String>> columns,
      Map<String, String> moved) throws Exception {
    Map<String, List<List<String>>> out = new TreeMap<>();
    for (var table : columns.entrySet()) {
      List<String> exprs = table.getValue().stream()
          .map(n -> moved.getOrDefault(table.getKey() + "." + n, "\"" + n + "\"")).toList();
      String list = String.join(", ", exprs);
      String order = String.join(", ", exprs.stream().map(e -> "CAST(" + e + " AS BLOB)").toList());
      List<List<String>> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT " + list + " FROM \"" + table.getKey() + "\" ORDER BY " + order)) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= table.getValue().size(); i++) {
            Object value = rs.getObject(i);
            row.add(value instanceof byte[] bytes ? "x'" + HexFormat.of().formatHex(bytes) + "'" : String.valueOf(value));
          }
          rows.add(row);
        }
      }
      out.put(table.getKey(), rows);
    }
    return out;
  }

  private static List<Map<String, String>> history(Connection c) throws Exception {
    List<Map<String, String>> out = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT installed_rank, version, description, type, script, checksum, success FROM flyway_schema_history ORDER BY installed_rank")) {
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : List.of("installed_rank", "version", "description", "type", "script", "checksum", "success")) {
          row.put(column, rs.getString(column));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The log as make-release-db.sh lists it: ids, kiosk, type, times, and the payload's bytes by length and SHA-256. */
  private static List<String> eventListing(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT id, kiosk_id, type, at, received_at, CAST(payload AS BLOB) FROM event ORDER BY id")) {
      while (rs.next()) {
        byte[] payload = rs.getBytes(6);
        out.add(String.join("\t", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            Integer.toString(payload.length), HexFormat.of().formatHex(sha256.digest(payload))));
      }
    }
    return out;
  }

  /** Issue 10.1 (V22): the release's 0521******45 is now **********45; nothing else about a member changes. */
  private static List<List<String>> maskedTheNewWay(List<List<String>> members) {
    return members.stream().map(m -> {
      List<String> row = new ArrayList<>(m);
      String masked = row.get(4);
      if (!masked.equals("null")) {
        assertTrue(masked.matches("\\d{4}\\*{6}\\d{2}"), "the release's masked form: " + masked);
        row.set(4, "**********" + masked.substring(10));
      }
      return row;
    }).toList();
  }

  /**
   * V35 sends every commune's roll-up cursor back to zero (a derived table): the next report
   * recounts, with the month each household became recognised. The figures test checks the recount.
   */
  private static List<List<String>> recountedFromZero(List<List<String>> cursors) {
    return cursors.stream().map(c -> List.of(c.get(0), "-1", "0")).toList();
  }

  /** Equal lists; on a difference, names the rows lost and the rows that are new or changed (a few of each). */
  private static <T> void assertSameRows(String what, List<T> expected, List<T> actual) {
    if (expected.equals(actual)) {
      return;
    }
    List<T> lost = new ArrayList<>(expected);
    lost.removeAll(actual);
    List<T> changed = new ArrayList<>(actual);
    changed.removeAll(expected);
    throw new AssertionError(what + ": " + expected.size() + " rows before, " + actual.size() + " after; lost or changed "
        + lost.size() + " e.g. " + lost.subList(0, Math.min(3, lost.size())) + "; new or changed " + changed.size()
        + " e.g. " + changed.subList(0, Math.min(3, changed.size())));
  }

  private static String householdId(String code) {
    return before.get("household").stream().filter(h -> h.get(1).equals(code)).findFirst().orElseThrow().get(0);
  }

  private static String householdCodeOf(String id) {
    return before.get("household").stream().filter(h -> h.get(0).equals(id)).findFirst().orElseThrow().get(1);
  }

  /**
   * Every figure of the release's report is in today's, with the same value; today's may carry
   * fields the release did not have.
   */
  private static void assertSameFigures(String where, JsonNode old, JsonNode now) {
    if (old.isObject()) {
      assertTrue(now.isObject(), where);
      for (Map.Entry<String, JsonNode> field : old.properties()) {
        assertTrue(now.has(field.getKey()), where + "." + field.getKey() + " is missing");
        assertSameFigures(where + "." + field.getKey(), field.getValue(), now.get(field.getKey()));
      }
    } else if (old.isArray()) {
      // Today's report covers twelve months (issue 12); the release's six are its last six.
      int skip = where.endsWith(".months") ? now.size() - old.size() : 0;
      assertEquals(old.size(), now.size() - skip, where + ": entries");
      for (int i = 0; i < old.size(); i++) {
        assertSameFigures(where + "[" + i + "]", old.get(i), now.get(skip + i));
      }
    } else {
      assertEquals(old, now, where);
    }
  }

  // --- HTTP as the kiosk and the staff

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + http.port() + path);
  }

  private static StaffClient signedIn(String username, String password) throws Exception {
    StaffClient client = new StaffClient(ReleaseDatabaseUpgradeTest::uri);
    HttpResponse<String> login = client.login(username, password);
    assertEquals(303, login.statusCode(), "sign-in of " + username + ": " + login.body());
    client.get("/dashboard/account"); // the session's CSRF token
    return client;
  }

  private static HttpResponse<String> kioskGet(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/kiosks/" + kiosk.get("kioskId").asText() + path))
        .header("Authorization", "Bearer " + kiosk.get("token").asText()).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> kioskPost(List<String> events) throws Exception {
    String body = "{\"events\":[" + String.join(",", events) + "]}";
    return HTTP.send(HttpRequest.newBuilder(uri("/api/v1/kiosks/" + kiosk.get("kioskId").asText() + "/events"))
        .header("Authorization", "Bearer " + kiosk.get("token").asText())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String event(String id, String type, String payload, String at) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"payload\":" + payload + "}";
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
