package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.web.ClientAddress;
import vn.giadinhso.hub.web.HubHttp;
import vn.giadinhso.hub.web.StaffClient;
import vn.giadinhso.protocol.Uuid7;

/**
 * Issue 11: {@code copy-database} moves a commune's SQLite hub to PostgreSQL and the hub carries on
 * there: the enrolled kiosk syncs with its old token from its old cursor and misses nothing, its
 * events post (an old one re-sent is a duplicate), the reports show the same figures, staff sign in.
 * A second copy into the filled target is refused and changes nothing.
 *
 * <p>Runs once (in the SQLite run): it makes its own SQLite source and its own PostgreSQL target.
 */
class CopyDatabaseTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String ADMIN = "kiem-tra-chuyen";
  private static final String ADMIN_PASSWORD = "mat-khau-chuyen-1";
  private static final Pattern CHECKSUM = Pattern.compile("event log SHA-256, (source|target): ([0-9a-f]{64})");

  @TempDir Path dir;

  @Test
  void theReleaseDatabaseMovesToPostgresqlAndItsKioskCarriesOn() throws Exception {
    TestDatabase.sqliteOnly("copies a SQLite file of its own into a PostgreSQL database of its own");
    Path db = dir.resolve("hub.db");
    Files.copy(fixture("hub.db"), db);
    Files.copy(fixture("hub.db.secrets.json"), HubSecrets.fileFor(db));
    JsonNode kiosk = JSON.readTree(fixture("kiosk.json").toFile());
    Clock clock = Clock.fixed(Instant.parse(kiosk.get("madeAt").asText()), ZoneOffset.UTC);

    // The SQLite hub as the commune ran it: its reports, with an admin to read both communes.
    Map<String, JsonNode> reportsOnSqlite = new TreeMap<>();
    try (HubApp hub = HubApp.open(db, clock)) {
      hub.users.create(ADMIN, ADMIN_PASSWORD, UserStore.Role.ADMIN, null);
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      try {
        StaffClient admin = signedIn(http, ADMIN, ADMIN_PASSWORD);
        for (String commune : List.of("an-tuong", "kon-chieng")) {
          reportsOnSqlite.put(commune, JSON.readTree(admin.get("/dashboard/api/c/" + commune + "/report").body()));
        }
      } finally {
        http.stop();
      }
    }

    DatabaseLocation.Postgres target = TestDatabase.newPostgresDatabase();
    Cli copy = copy(db, target);
    assertEquals(0, copy.exitCode(), copy.out() + copy.err());
    assertChecksumsMatch(copy);
    assertTrue(copy.err().contains("event: 647 / 647 rows copied"), copy.err());
    assertTrue(copy.err().contains("member: 593 / 593 rows copied"), copy.err());

    try (HubApp hub = HubApp.open(target, HubSecrets.fileFor(db), 2, clock)) {
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      try {
        String kioskPath = "/api/v1/kiosks/" + kiosk.get("kioskId").asText();
        String token = kiosk.get("token").asText();
        HttpResponse<String> fromCursor = get(http, kioskPath + "/sync?since=" + kiosk.get("cursor").asText(), token);
        assertEquals(200, fromCursor.statusCode(), fromCursor.body());
        assertEquals(0, JSON.readTree(fromCursor.body()).get("households").size(), "nothing missed, nothing sent again");
        HttpResponse<String> everything = get(http, kioskPath + "/sync?limit=1000", token);
        assertEquals(110, JSON.readTree(everything.body()).get("households").size(), "every household of Ân Tường");

        StaffClient admin = signedIn(http, ADMIN, ADMIN_PASSWORD);
        for (String commune : reportsOnSqlite.keySet()) {
          HttpResponse<String> report = admin.get("/dashboard/api/c/" + commune + "/report");
          assertEquals(200, report.statusCode(), report.body());
          assertEquals(reportsOnSqlite.get(commune), JSON.readTree(report.body()), "report of " + commune);
        }
        signedIn(http, kiosk.get("staffUser").asText(), kiosk.get("staffPassword").asText());
        // New ids continue after the copied ones (identity columns were moved past them).
        hub.users.create("can-bo-moi", "mat-khau-moi-2026", UserStore.Role.ADMIN, null);

        String oldEvent = oldestEvent(db);
        String fresh = "{\"id\":\"" + new Uuid7(clock).next() + "\",\"type\":\"heartbeat\",\"at\":\""
            + clock.instant() + "\",\"payload\":{\"version\":\"0.1.0\",\"backlog\":0,\"reader\":\"connected\"}}";
        HttpResponse<String> posted = post(http, kioskPath + "/events", token, "{\"events\":[" + fresh + "," + oldEvent + "]}");
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(1, JSON.readTree(posted.body()).get("accepted").asInt(), posted.body());
        assertEquals(1, JSON.readTree(posted.body()).get("duplicates").asInt(), "the old event was copied with its id");
      } finally {
        http.stop();
      }
    }

    Map<String, Long> before = counts(target);
    Cli again = copy(db, target);
    assertEquals(1, again.exitCode(), again.out() + again.err());
    assertTrue(again.err().contains("not empty"), again.err());
    assertEquals(before, counts(target), "the refused copy wrote nothing");
  }

  @Test
  void aDemoHubWithPostedEventsMovesAndItsKioskMissesNothing() throws Exception {
    TestDatabase.sqliteOnly("copies a SQLite file of its own into a PostgreSQL database of its own");
    Path db = dir.resolve("demo.db");
    Cli demo = Cli.run("demo-data", "--db", db.toString());
    assertEquals(0, demo.exitCode(), demo.err());
    String adminPassword = demo.lines()[0].substring("admin password: ".length());
    Enrolment kiosk;
    String cursor;
    List<String> posted = new ArrayList<>();
    Uuid7 ids = new Uuid7(Clock.systemUTC());
    try (HubApp hub = HubApp.open(db, Clock.systemUTC())) {
      kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("an-tuong-nvh-tan-thanh"));
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      try {
        for (int batch = 0; batch < 3; batch++) {
          List<String> events = new ArrayList<>();
          for (int i = 0; i < 400; i++) {
            String id = ids.next();
            posted.add(id);
            events.add("{\"id\":\"" + id + "\",\"type\":\"status.viewed\",\"at\":\"2026-11-21T01:30:00Z\",\"payload\":"
                + "{\"householdCode\":\"AT-T1-" + String.format("%04d", i % 50 + 1) + "\",\"met\":2,\"applicable\":6}}");
          }
          HttpResponse<String> answer = post(http, "/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(),
              "{\"events\":[" + String.join(",", events) + "]}");
          assertEquals(200, answer.statusCode(), answer.body());
        }
        cursor = syncToTheEnd(http, kiosk);
      } finally {
        http.stop();
      }
    }

    DatabaseLocation.Postgres target = TestDatabase.newPostgresDatabase();
    Cli copy = copy(db, target);
    assertEquals(0, copy.exitCode(), copy.out() + copy.err());
    assertChecksumsMatch(copy);
    // Progress per batch of 1,000 rows (the demo's year of history comes before the 1,200 posted here).
    assertTrue(copy.err().matches("(?s).*event: 1000 / [0-9]+\\n.*event: 2000 / [0-9]+\\n.*"), "progress per batch: " + copy.err());

    // The sync revision counter continues where it was, so changes made on PostgreSQL come after every cursor.
    assertEquals(revision(DriverManager.getConnection("jdbc:sqlite:" + db)), revision(connect(target)));

    try (HubApp hub = HubApp.open(target, HubSecrets.fileFor(db), 2, Clock.systemUTC())) {
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      try {
        HttpResponse<String> sync = get(http, "/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + cursor, kiosk.token());
        assertEquals(200, sync.statusCode(), sync.body());
        assertEquals(0, JSON.readTree(sync.body()).get("households").size());
        signedIn(http, "admin", adminPassword);
        String resend = "{\"id\":\"" + posted.get(0) + "\",\"type\":\"status.viewed\",\"at\":\"2026-11-21T01:30:00Z\","
            + "\"payload\":{\"householdCode\":\"AT-T1-0001\",\"met\":2,\"applicable\":6}}";
        HttpResponse<String> again = post(http, "/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(),
            "{\"events\":[" + resend + "]}");
        assertEquals(1, JSON.readTree(again.body()).get("duplicates").asInt(), again.body());
      } finally {
        http.stop();
      }
    }
  }

  // --- helpers

  private static Cli copy(Path db, DatabaseLocation.Postgres target) {
    return Cli.run("copy-database", "--from", db.toString(), "--to", TestDatabase.url(target));
  }

  private static void assertChecksumsMatch(Cli copy) {
    Matcher m = CHECKSUM.matcher(copy.out());
    List<String> sums = new ArrayList<>();
    while (m.find()) {
      sums.add(m.group(2));
    }
    assertEquals(2, sums.size(), copy.out());
    assertEquals(sums.get(0), sums.get(1), "the event log's checksum on both sides");
  }

  private static String syncToTheEnd(Javalin http, Enrolment kiosk) throws Exception {
    String cursor = null;
    JsonNode page;
    do {
      HttpResponse<String> r = get(http, "/api/v1/kiosks/" + kiosk.kioskId() + "/sync?limit=40"
          + (cursor == null ? "" : "&since=" + cursor), kiosk.token());
      assertEquals(200, r.statusCode(), r.body());
      page = JSON.readTree(r.body());
      cursor = page.get("cursor").asText();
    } while (page.get("more").asBoolean());
    return cursor;
  }

  private static String oldestEvent(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, type, at, payload FROM event ORDER BY id LIMIT 1")) {
      rs.next();
      return "{\"id\":\"" + rs.getString(1) + "\",\"type\":\"" + rs.getString(2) + "\",\"at\":\"" + rs.getString(3)
          + "\",\"payload\":" + rs.getString(4) + "}";
    }
  }

  private static long revision(Connection connection) throws Exception {
    try (Connection c = connection; Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM revision")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Connection connect(DatabaseLocation.Postgres pg) throws Exception {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user().orElse(null), pg.password().orElse(null));
  }

  private static Map<String, Long> counts(DatabaseLocation.Postgres pg) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = connect(pg); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
          + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
          rs.next();
          out.put(t, rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static Path fixture(String name) throws Exception {
    return Path.of(CopyDatabaseTest.class.getResource("/fixtures/release-a423b1f/" + name).toURI());
  }

  private static StaffClient signedIn(Javalin http, String username, String password) throws Exception {
    StaffClient client = new StaffClient(path -> URI.create("http://127.0.0.1:" + http.port() + path));
    HttpResponse<String> login = client.login(username, password);
    assertEquals(303, login.statusCode(), "sign-in of " + username + ": " + login.body());
    client.get("/dashboard/account");
    return client;
  }

  private static HttpResponse<String> get(Javalin http, String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(Javalin http, String path, String token, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
