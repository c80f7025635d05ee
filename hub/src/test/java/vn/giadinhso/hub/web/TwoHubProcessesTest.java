package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.LoginThrottle;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.report.ProvinceReport;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * Issue 11: two hubs on one database, each with its own connection pool and HTTP server, as two
 * hub processes behind a load balancer would be. Login and enrolment throttling count as one,
 * staff sessions and their CSRF tokens work on either, and report roll-ups refreshed from both at
 * once apply every household's change exactly once. Runs on SQLite and on PostgreSQL.
 */
class TwoHubProcessesTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String ENROL = "/api/v1/kiosks/enrol";
  private static final String NEIGHBOUR = "an-nghia";

  @TempDir Path dir;
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T01:00:00Z"));
  TestHub a;
  TestHub b;

  @BeforeEach
  void startTwoHubsOnOneDatabase() {
    a = new TestHub(dir, clock);
    b = new TestHub(dir, clock);
    a.hub.users.create("admin", PASSWORD, UserStore.Role.ADMIN, null);
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
  }

  @Test
  void wrongPasswordsSpreadOverBothHubsAreThrottledAsOneAndARestartForgetsNone() throws Exception {
    assertEquals(401, new StaffClient(a).login("admin", "sai-1").statusCode());
    assertEquals(401, new StaffClient(b).login("admin", "sai-2").statusCode());
    assertEquals(401, new StaffClient(a).login("admin", "sai-3").statusCode());
    assertEquals(429, new StaffClient(b).login("admin", "sai-4").statusCode(), "the fourth guess waits, wherever it lands");
    assertEquals(429, new StaffClient(a).login("admin", PASSWORD).statusCode());

    clock.advance(LoginThrottle.FIRST_DELAY);
    assertEquals(401, new StaffClient(b).login("admin", "sai-5").statusCode(), "checked after the 1 s wait");
    assertEquals(429, new StaffClient(a).login("admin", "sai-6").statusCode(), "and now the other hub makes it wait 2 s");

    // A restart (a new hub process on the same database) remembers the failures.
    b.close();
    b = new TestHub(dir, clock);
    assertEquals(429, new StaffClient(b).login("admin", PASSWORD).statusCode());
    clock.advance(Duration.ofSeconds(2));
    assertEquals(303, new StaffClient(b).login("admin", PASSWORD).statusCode(), "no lockout");
    assertEquals(303, new StaffClient(a).login("admin", PASSWORD).statusCode(), "a success started the account afresh");
  }

  @Test
  void fortyConcurrentWrongPasswordsOverBothHubsHashOnlyTheFreeOnes() throws Exception {
    long before = hashed();
    List<Callable<Integer>> guesses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      StaffClient client = new StaffClient(i % 2 == 0 ? a : b);
      client.get("/login");
      String password = "sai-mat-khau-" + i;
      guesses.add(() -> client.postForm("/login", Map.of("username", "admin", "password", password)).statusCode());
    }
    List<Integer> statuses = all(guesses);

    long checked = hashed() - before;
    assertTrue(checked <= LoginThrottle.FREE_PER_USER, "hashed " + checked + " of 40 concurrent guesses");
    assertEquals(checked, statuses.stream().filter(s -> s == 401).count(), statuses.toString());
    // An admitted guess may find both hashing turns of its hub taken and be told "busy" (503).
    assertTrue(statuses.stream().filter(s -> s == 429).count() >= 40 - LoginThrottle.FREE_PER_USER, statuses.toString());
    assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429 || s == 503), statuses.toString());
  }

  @Test
  void enrolmentGuessesOverBothHubsAreCountedTogether() throws Exception {
    String code = a.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    for (int i = 0; i < 10; i++) {
      assertEquals(401, enrol(i % 2 == 0 ? a : b, "ZZZZ-ZZZZ-ZZ" + (10 + i)).statusCode(), "guess " + (i + 1));
    }
    assertEquals(429, enrol(a, code).statusCode());
    assertEquals(429, enrol(b, code).statusCode());
    clock.advance(Duration.ofMinutes(10));
    assertEquals(201, enrol(b, code).statusCode());

    // Thirty guesses at once, to both hubs, from a fresh address: ten get an answer about codes.
    clock.advance(Duration.ofMinutes(10));
    HttpClient client = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      answers.add(client.sendAsync(HttpRequest.newBuilder((i % 2 == 0 ? a : b).uri(ENROL))
          .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"ZZZZ-ZZZZ-ZY" + (10 + i) + "\"}")).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Integer> byStatus = new TreeMap<>();
    for (var answer : answers) {
      byStatus.merge(answer.get(60, TimeUnit.SECONDS).statusCode(), 1, Integer::sum);
    }
    assertEquals(Map.of(401, 10, 429, 20), byStatus);
  }

  @Test
  void aSessionOpenedOnOneHubWorksOnTheOtherWithItsCsrfTokenAndEndsOnBoth() throws Exception {
    AtomicReference<TestHub> target = new AtomicReference<>(a);
    StaffClient admin = new StaffClient(path -> target.get().uri(path));
    assertEquals(303, admin.login("admin", PASSWORD).statusCode());
    admin.get("/dashboard/users"); // the form's CSRF token, from hub A

    target.set(b);
    assertEquals(200, admin.get("/dashboard/users").statusCode(), "hub B knows the session");
    HttpResponse<String> created = admin.postForm("/dashboard/users", Map.of("username", "can-bo-b",
        "password", PASSWORD, "role", "STAFF", "commune", "an-tuong"));
    assertEquals(303, created.statusCode(), "hub B accepts the token hub A put in the form: " + created.body());
    assertTrue(a.hub.users.find("can-bo-b").isPresent());
    assertEquals(403, admin.postRaw("/dashboard/users/can-bo-b/disable", Map.of("_csrf", "not-the-token")).statusCode());

    // Idle time: a request to either hub starts it again.
    clock.advance(StaffSessions.IDLE.minusMinutes(5));
    target.set(a);
    assertEquals(200, admin.get("/dashboard").statusCode());
    clock.advance(StaffSessions.IDLE.minusMinutes(5));
    target.set(b);
    assertEquals(200, admin.get("/dashboard").statusCode(), "A's request kept the session alive on B");

    // Signing out on B ends the session on A too, for a browser that kept the cookie.
    String cookie = admin.cookie(DashboardAccess.COOKIE);
    assertEquals(303, admin.postForm("/logout", Map.of()).statusCode());
    StaffClient kept = new StaffClient(a).withHeader("Cookie", DashboardAccess.COOKIE + "=" + cookie);
    assertEquals(303, kept.get("/dashboard").statusCode(), "signed out on B, refused on A");

    // A session left idle ends on both.
    StaffClient idle = new StaffClient(path -> target.get().uri(path));
    assertEquals(303, idle.login("admin", PASSWORD).statusCode());
    clock.advance(StaffSessions.IDLE.plusMinutes(2));
    assertEquals(303, idle.get("/dashboard").statusCode());
    target.set(b);
    assertEquals(303, idle.get("/dashboard").statusCode());
  }

  @Test
  void reportRollupsRefreshedFromBothHubsAtOnceCountEveryHouseholdOnce() throws Exception {
    StaffClient staffA = StaffClient.signedIn(a, "admin", PASSWORD);
    StaffClient staffB = new StaffClient(b);
    staffB.login("admin", PASSWORD);
    // A second commune of the province, so that province roll-ups apply changes of two communes in one pass.
    CriteriaSet anTuong = a.hub.criteria.active("an-tuong").orElseThrow();
    a.hub.criteria.load(new CriteriaSet(NEIGHBOUR, "Ân Nghĩa", anTuong.province(), 1, anTuong.title(),
        anTuong.source(), anTuong.pillars(), anTuong.criteria(), anTuong.groups(), anTuong.flags(),
        anTuong.overallTargetPercent()));
    // The province by its code, as the province page names it (decision hub-015).
    String province = a.hub.db.reader().withHandle(h -> h.createQuery("SELECT province_code FROM commune WHERE id = 'an-tuong'")
        .mapTo(String.class).one());
    List<Runnable> changes = List.of(
        () -> importRoster(roster(2_500, 0)),
        () -> importRoster(NEIGHBOUR, roster("AN-Y-", 900, 0)),
        () -> importRoster(roster(3_000, 1)),
        () -> {
          for (int i = 0; i < 300; i++) {
            b.hub.households.recordStatus(code(i * 7), new StatusRecord("vneid-level2", CriterionStatus.MET, "staff",
                "admin", clock.instant(), null));
            a.hub.households.recordStatus(String.format("AN-Y-%05d", i * 3), new StatusRecord("vneid-level2",
                CriterionStatus.MET, "staff", "admin", clock.instant(), null));
          }
        },
        () -> {
          // A new criteria version: the next refresh recounts the whole commune.
          CriteriaSet set = a.hub.criteria.active("an-tuong").orElseThrow();
          b.hub.criteria.load(new CriteriaSet(set.communeId(), set.communeName(), set.province(), set.version() + 1,
              set.title(), set.source(), set.pillars(), set.criteria(), set.groups(), set.flags(),
              set.overallTargetPercent()));
        },
        () -> importRoster(NEIGHBOUR, roster("AN-Y-", 1_000, 1)),
        () -> importRoster(roster(3_200, 2)));
    for (Runnable change : changes) {
      change.run();
      // Eight views at once, half on each hub, each refreshing the roll-up first: commune reports
      // over HTTP and province roll-ups (one pass over the province's changes).
      List<Callable<Integer>> views = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        TestHub hub = t % 2 == 0 ? a : b;
        StaffClient viewer = t % 2 == 0 ? staffA : staffB;
        views.add(t % 4 < 2
            ? () -> viewer.get("/dashboard/api/c/an-tuong/report").statusCode()
            : () -> hub.hub.provinceReports.build(province).households() > 0 ? 200 : 500);
      }
      assertEquals(java.util.Collections.nCopies(8, 200), all(views));
    }
    String fromA = staffA.get("/dashboard/api/c/an-tuong/report").body();
    assertEquals(fromA, staffB.get("/dashboard/api/c/an-tuong/report").body());
    Map<String, Map<String, Integer>> raced = a.hub.reportRollup.counts("an-tuong");
    Map<String, Map<String, Integer>> racedNeighbour = a.hub.reportRollup.counts(NEIGHBOUR);
    assertEquals(3_200, raced.values().stream().mapToInt(m -> m.getOrDefault("households", 0)).sum());
    assertEquals(1_000, racedNeighbour.values().stream().mapToInt(m -> m.getOrDefault("households", 0)).sum());
    ProvinceReport province1 = b.hub.provinceReports.build(province);
    assertEquals(4_200, province1.households());

    // A fresh recount, by one hub alone, from empty report tables.
    try (Connection c = TestDatabase.connect(dir.resolve("hub.db")); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM report_count");
      s.executeUpdate("DELETE FROM report_contribution");
      s.executeUpdate("DELETE FROM report_cursor");
    }
    assertEquals(3_200, a.hub.reportRollup.refresh("an-tuong"));
    assertEquals(1_000, a.hub.reportRollup.refresh(NEIGHBOUR));
    assertEquals(nonZero(a.hub.reportRollup.counts("an-tuong")), nonZero(raced));
    // A count that went down to 0 (households moved to another village) stays as a 0 row; a recount has none.
    assertEquals(nonZero(a.hub.reportRollup.counts(NEIGHBOUR)), nonZero(racedNeighbour));
    assertEquals(fromA, staffA.get("/dashboard/api/c/an-tuong/report").body());
    assertEquals(province1, a.hub.provinceReports.build(province));
  }

  private static Map<String, Map<String, Integer>> nonZero(Map<String, Map<String, Integer>> counts) {
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    counts.forEach((village, keys) -> keys.forEach((key, n) -> {
      if (n != 0) {
        out.computeIfAbsent(village, v -> new TreeMap<>()).put(key, n);
      }
    }));
    return out;
  }

  private void importRoster(String communeId, String csv) {
    try {
      var report = new vn.giadinhso.hub.household.HouseholdCsvImporter(a.hub.households, a.hub.memberKeys, false)
          .run(a.hub.criteria.active(communeId).orElseThrow(), new java.io.StringReader(csv), n -> { });
      assertEquals(List.of(), report.rejections());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void importRoster(String csv) {
    try {
      a.importRoster(csv);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * An Ân Tường roster of {@code n} households; {@code round} moves groups and flags around so a
   * re-import changes most of them.
   */
  private static String roster(int n, int round) {
    return roster("AT-X-", n, round);
  }

  private static String roster(String prefix, int n, int round) {
    String[] groups = {"", "officials", "party-youth", "women-farmers", "officials;party-youth"};
    String[] flags = {"", "business", "producer", "business;producer"};
    StringBuilder csv = new StringBuilder("household_code,village,head_name,members,groups,flags\n");
    for (int i = 0; i < n; i++) {
      csv.append(String.format("%s%05d", prefix, i)).append(",Thôn ").append((i + round) % 6 == 0 ? "Hội Long" : "Tân Thành")
          .append(",Nguyễn Văn Hộ,Nguyễn Văn Hộ,").append(groups[(i + round) % groups.length]).append(',')
          .append(flags[(i * 3 + round) % flags.length]).append('\n');
    }
    return csv.toString();
  }

  private static String code(int i) {
    return String.format("AT-X-%05d", i);
  }

  private long hashed() {
    return a.hub.users.hashing().computed() + b.hub.users.hashing().computed();
  }

  private static HttpResponse<String> enrol(TestHub hub, String code) throws Exception {
    return hub.post(ENROL, null, "{\"code\":\"" + code + "\"}");
  }

  private static List<Integer> all(List<Callable<Integer>> calls) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (var call : calls) {
        results.add(pool.submit(() -> {
          go.await();
          return call.call();
        }));
      }
      go.countDown();
      List<Integer> out = new ArrayList<>();
      for (Future<Integer> f : results) {
        out.add(f.get(2, TimeUnit.MINUTES));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
