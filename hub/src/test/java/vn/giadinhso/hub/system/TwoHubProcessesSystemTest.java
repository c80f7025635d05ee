package vn.giadinhso.hub.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.web.StaffClient;

/**
 * Issue 11's system test: two {@code serve} processes on one PostgreSQL database, as behind a load
 * balancer, with kiosks posting to both in turn, the same batch to both at once, a kiosk syncing
 * from both while both commit changes, and one process killed (-9) mid-stream.
 *
 * <p>Runs in the PostgreSQL surefire execution only: two processes on one SQLite file is not a
 * supported deployment.
 */
// A hung child or request fails the test (and @AfterEach kills the processes) instead of the build.
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class TwoHubProcessesSystemTest {
  private static final String COMMUNE = Batch.COMMUNE;
  private static final String POINT = Batch.POINT;
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String SESSION = "s-hom-nay";
  private static final int HOUSEHOLDS = 120;
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  DatabaseLocation.Postgres db;
  Path secrets;
  /** The operator's own connection: seeds the commune, hands out enrolment codes, and reads what is stored. */
  HubApp operator;
  HubProcess a;
  HubProcess b;
  final ExecutorService pool = Executors.newCachedThreadPool();
  final Batch.Factory traffic = new Batch.Factory(SESSION, HOUSEHOLDS);

  @BeforeEach
  void twoHubProcessesOnOnePostgresDatabase() throws Exception {
    Assumptions.assumeTrue(TestDatabase.postgres(), "two hub processes share a PostgreSQL database only (one SQLite "
        + "file under two processes is not a supported deployment); this runs in the PostgreSQL surefire execution");
    Path name = dir.resolve("hub.db");
    db = (DatabaseLocation.Postgres) TestDatabase.location(name);
    secrets = TestDatabase.secrets(name);
    operator = TestDatabase.open(name, Clock.systemUTC());
    operator.criteria.load(operator.criteriaJson.readResource("an-tuong-2026.json"));
    operator.schedule.savePoint(new SupportPoint(POINT, COMMUNE, "NVH thôn Tân Thành", "Nhà văn hóa thôn Tân Thành", 3));
    List<Household> roster = new ArrayList<>();
    for (int i = 1; i <= HOUSEHOLDS; i++) {
      roster.add(new Household(String.format("AT-T1-%04d", i), COMMUNE, "Thôn Tân Thành", "Nguyễn Văn An " + i,
          List.of(new Member("Nguyễn Văn An " + i, null, null)), Set.of(), Set.of()));
    }
    operator.households.upsert(roster);
    Instant start = Instant.now().minus(Duration.ofHours(1));
    operator.schedule.saveSession(new Session(SESSION, POINT, start, start.plus(Duration.ofHours(3)), "Nhà văn hóa",
        "VNeID mức 2", "Đoàn Thanh niên", Session.Status.SCHEDULED));
    operator.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, COMMUNE);

    a = HubProcess.serve("hub-a", db, secrets, dir);
    b = HubProcess.serve("hub-b", db, secrets, dir);
    a.awaitListening();
    b.awaitListening();
  }

  @AfterEach
  void stopEverything() throws Exception {
    pool.shutdownNow();
    for (AutoCloseable c : new AutoCloseable[] {a, b, operator}) {
      if (c != null) {
        c.close();
      }
    }
  }

  @Test
  void kiosksPostingToBothInTurnAndTheSameBatchToBothAtOnceStoreEveryEventOnce() throws Exception {
    List<KioskClient> kiosks = enrolKiosks(3);
    List<Batch> sent = new CopyOnWriteArrayList<>();
    List<Future<?>> streams = new ArrayList<>();
    for (int k = 0; k < kiosks.size(); k++) {
      KioskClient kiosk = kiosks.get(k);
      int offset = k;
      streams.add(pool.submit((Callable<Void>) () -> {
        for (int round = 0; round < 6; round++) {
          HubProcess first = (round + offset) % 2 == 0 ? a : b;
          HubProcess other = first == a ? b : a;
          Batch batch = traffic.next(16);
          assertAnswer(kiosk.postOk(first, batch), 16, 0);
          // The answer was lost and the kiosk retries through the load balancer: the other process.
          assertAnswer(kiosk.postOk(other, batch), 0, 16);
          sent.add(batch);

          // The same batch reaching both processes at the same moment.
          Batch both = traffic.next(16);
          CyclicBarrier together = new CyclicBarrier(2);
          Future<JsonNode> atA = pool.submit(() -> {
            together.await();
            return kiosk.postOk(a, both);
          });
          Future<JsonNode> atB = pool.submit(() -> {
            together.await();
            return kiosk.postOk(b, both);
          });
          JsonNode fromA = atA.get();
          JsonNode fromB = atB.get();
          assertEquals(16, fromA.get("accepted").asInt() + fromA.get("duplicates").asInt(), fromA.toString());
          assertEquals(16, fromB.get("accepted").asInt() + fromB.get("duplicates").asInt(), fromB.toString());
          assertEquals(16, fromA.get("accepted").asInt() + fromB.get("accepted").asInt(),
              "each event accepted by exactly one process: A said " + fromA + ", B said " + fromB);
          sent.add(both);
        }
        return null;
      }));
    }
    for (Future<?> stream : streams) {
      stream.get(5, TimeUnit.MINUTES);
    }

    assertStoredExactlyOnce(sent);
    // Staff see every event counted once, whichever process answers them (one sign-in serves both).
    Staff staff = staff(a, b);
    assertCountedOnce(staff.client(), sent);
    staff.target().set(a);
    assertCountedOnce(staff.client(), sent);
    int lessons = sent.stream().mapToInt(batch -> batch.count("lesson.completed")).sum();
    assertEquals(lessons, (long) operator.db.reader().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM criterion_status WHERE status = 'PRACTISED'").mapTo(Long.class).one()),
        "each lesson marked its household's criterion practised once");
  }

  @Test
  void aKioskSyncingFromBothInTurnSeesEveryChangeBothProcessesCommit() throws Exception {
    List<KioskClient> kiosks = enrolKiosks(2);
    KioskClient syncing = kiosks.get(0);
    KioskClient practising = kiosks.get(1);
    // Each writer signed in at one process and works at the other: sessions live in the database.
    StaffClient staffA = staff(b, a).client();
    StaffClient staffB = staff(a, b).client();
    Expected expected = new Expected();
    KioskView view = new KioskView();
    Path criteriaV2 = dir.resolve("an-tuong-v2.json");
    Files.writeString(criteriaV2, new String(getClass().getResourceAsStream("/criteria/an-tuong-2026.json").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8).replaceFirst("\"version\": 1", "\"version\": 2"));

    int syncs = 0;
    for (int round = 0; round < 3; round++) {
      int r = round;
      List<Future<?>> writers = new ArrayList<>();
      writers.add(pool.submit(() -> write(staffA, "A", r, 0, expected)));
      writers.add(pool.submit(() -> write(staffB, "B", r, 1, expected)));
      // Lessons practised at kiosks, a full batch to each process at once: long transactions, so
      // syncs read the counter while they are open. Each batch has half the roster, so the newest
      // change to a household is that batch's.
      for (HubProcess hub : List.of(a, b)) {
        int first = hub == a ? 1 : 1 + HOUSEHOLDS / 2;
        writers.add(pool.submit(() -> practising.postOk(hub, traffic.lessons(600, first, HOUSEHOLDS / 2))));
      }
      if (round == 1) {
        // An operator loads a new criteria version beside the running servers: every household of
        // the commune gets a new revision in one statement (Revisions.bumpAll).
        writers.add(pool.submit((Callable<Void>) () -> {
          HubProcess.command("import-criteria", dir, "import-criteria", "--db", HubProcess.operatorUrl(db),
              "--secrets", secrets.toString(), criteriaV2.toString()).awaitSuccess();
          return null;
        }));
      }
      // The kiosk syncs from A and B in turn, with its cursor, while they write: mostly whole
      // deltas, so it keeps up with the writers and its cursor reaches the newest revision while
      // transactions are open; some pages short, so a page also ends between households.
      do {
        view.apply(syncing.sync(syncs % 2 == 0 ? a : b, view.cursor, syncs++ % 3 == 0 ? 7 : 500));
      } while (!writers.stream().allMatch(Future::isDone));
      for (Future<?> writer : writers) {
        writer.get();
      }
      // Writing has stopped: the kiosk catches up, and must then hold what a kiosk syncing from
      // scratch receives, which is what the database holds.
      boolean more = true;
      while (more) {
        JsonNode page = syncing.sync(syncs++ % 2 == 0 ? a : b, view.cursor, 7);
        view.apply(page);
        more = page.get("more").asBoolean();
      }
      KioskView fresh = new KioskView();
      more = true;
      while (more) {
        JsonNode page = syncing.sync(round % 2 == 0 ? b : a, fresh.cursor, 500);
        fresh.apply(page);
        more = page.get("more").asBoolean();
      }
      String where = "after round " + round + " (" + syncs + " syncs)";
      assertEquals(List.of(), differing(fresh.households, view.households), "households the kiosk holds stale " + where);
      assertEquals(List.of(), differing(fresh.sessions, view.sessions), "sessions the kiosk holds stale " + where);
      assertEquals(List.of(), differing(fresh.revokedCards, view.revokedCards), "revocations the kiosk lacks " + where);
      assertEquals(fresh.criteriaSet, view.criteriaSet, "criteria set " + where);
      assertHoldsEveryChange(view, expected, where);
    }
    assertEquals(2, view.criteriaSet.get("version").asInt(), "the criteria set loaded by import-criteria");
  }

  @Test
  void aProcessKilledMidBatchLosesNothingItAcknowledgedAndTheOtherServesOn() throws Exception {
    List<KioskClient> kiosks = enrolKiosks(4);
    Map<Batch, KioskClient> acknowledged = new ConcurrentHashMap<>();
    Map<Batch, KioskClient> unanswered = new ConcurrentHashMap<>();
    List<String> wrongAnswers = new CopyOnWriteArrayList<>();
    List<Future<?>> toA = new ArrayList<>();
    for (KioskClient kiosk : kiosks.subList(0, 3)) {
      toA.add(pool.submit((Callable<Void>) () -> {
        while (true) {
          Batch batch = traffic.next(40);
          try {
            HttpResponse<String> answer = kiosk.post(a, batch);
            if (answer.statusCode() == 200) {
              acknowledged.put(batch, kiosk);
            } else {
              wrongAnswers.add("A: " + answer.statusCode() + " " + answer.body());
              unanswered.put(batch, kiosk);
            }
          } catch (java.io.IOException noAnswer) {
            unanswered.put(batch, kiosk); // maybe stored, maybe not: the kiosk keeps it and retries
            return null;
          }
        }
      }));
    }
    KioskClient steady = kiosks.get(3);
    List<Batch> survivor = new CopyOnWriteArrayList<>();
    AtomicBoolean stop = new AtomicBoolean();
    Future<?> toB = pool.submit(() -> {
      while (!stop.get()) {
        Batch batch = traffic.next(40);
        try {
          HttpResponse<String> answer = steady.post(b, batch);
          if (answer.statusCode() == 200) {
            survivor.add(batch);
          } else {
            wrongAnswers.add("B: " + answer.statusCode() + " " + answer.body());
          }
        } catch (Exception e) {
          wrongAnswers.add("B: no answer: " + e);
        }
      }
    });

    await("A acknowledges batches").atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 9);
    int survivorBeforeKill = survivor.size();
    a.kill();
    for (Future<?> stream : toA) {
      stream.get(60, TimeUnit.SECONDS);
    }
    await("B serves on after A died").atMost(Duration.ofSeconds(60))
        .until(() -> survivor.size() >= survivorBeforeKill + 3 || toB.isDone());

    Set<String> stored = storedIds();
    for (Batch batch : acknowledged.keySet()) {
      assertTrue(stored.containsAll(batch.ids()), "a batch A acknowledged is missing after A was killed");
    }
    // The kiosks send what got no answer again, now through B: stored once, all or nothing.
    for (Map.Entry<Batch, KioskClient> e : unanswered.entrySet()) {
      Batch batch = e.getKey();
      JsonNode answer = e.getValue().postOk(b, batch);
      int accepted = answer.get("accepted").asInt();
      assertEquals(batch.size(), accepted + answer.get("duplicates").asInt(), answer.toString());
      assertTrue(accepted == 0 || accepted == batch.size(), "a killed batch was stored in part: " + answer);
    }
    stop.set(true);
    toB.get(60, TimeUnit.SECONDS);
    assertEquals(List.of(), wrongAnswers, "every request A or B answered was answered 200");

    List<Batch> all = new ArrayList<>(acknowledged.keySet());
    all.addAll(unanswered.keySet());
    all.addAll(survivor);
    assertStoredExactlyOnce(all);
    assertCountedOnce(staff(b, b).client(), all);
  }

  // --- the kiosks, the staff, and what they check ---

  private List<KioskClient> enrolKiosks(int n) throws Exception {
    List<KioskClient> kiosks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Enrolled once, at either process; the token then works at both.
      kiosks.add(KioskClient.enrol(i % 2 == 0 ? a : b, operator.kiosks.newEnrolmentCode(POINT)));
    }
    return kiosks;
  }

  /** A browser that signed in at one process and is sent where {@code target} says (no sticky sessions). */
  private record Staff(StaffClient client, AtomicReference<HubProcess> target) {}

  private Staff staff(HubProcess signInAt, HubProcess workAt) throws Exception {
    AtomicReference<HubProcess> target = new AtomicReference<>(signInAt);
    StaffClient client = new StaffClient(path -> target.get().uri(path));
    HttpResponse<String> login = client.login("can-bo-a", PASSWORD);
    assertEquals(303, login.statusCode(), login.body());
    target.set(workAt);
    HttpResponse<String> page = client.get("/dashboard/audit"); // and its forms' CSRF token
    assertEquals(200, page.statusCode(), "signed in at " + signInAt.name + ", refused at " + workAt.name);
    return new Staff(client, target);
  }

  private static void assertAnswer(JsonNode answer, int accepted, int duplicates) {
    assertEquals(accepted, answer.get("accepted").asInt(), answer.toString());
    assertEquals(duplicates, answer.get("duplicates").asInt(), answer.toString());
  }

  private Set<String> storedIds() {
    return new HashSet<>(operator.db.reader().withHandle(h -> h.createQuery("SELECT id FROM event")
        .mapTo(String.class).list()));
  }

  private void assertStoredExactlyOnce(List<Batch> batches) {
    Set<String> sent = new HashSet<>();
    batches.forEach(batch -> sent.addAll(batch.ids()));
    assertEquals(batches.stream().mapToInt(Batch::size).sum(), sent.size(), "the test sent each event id once");
    assertEquals(sent.size(), operator.events.count(), "events in the log");
    assertEquals(sent, storedIds());
  }

  /** The report's monthly figures, summed over its months, as staff read them. */
  private void assertCountedOnce(StaffClient staff, List<Batch> batches) throws Exception {
    HttpResponse<String> response = staff.get("/dashboard/api/c/" + COMMUNE + "/report");
    assertEquals(200, response.statusCode(), response.body());
    Map<String, Integer> shown = new TreeMap<>();
    for (JsonNode month : JSON.readTree(response.body()).get("months")) {
      for (String figure : List.of("scans", "attendance", "practiceCompleted", "declarations", "supportRequests")) {
        shown.merge(figure, month.get(figure).asInt(), Integer::sum);
      }
    }
    Map<String, Integer> sent = new TreeMap<>();
    for (Batch batch : batches) {
      sent.merge("scans", batch.count("identified"), Integer::sum);
      // Every check-in is a different person, so each counts.
      sent.merge("attendance", batch.count("attendance.checked_in"), Integer::sum);
      sent.merge("practiceCompleted", batch.count("lesson.completed"), Integer::sum);
      sent.merge("declarations", batch.count("criterion.declared"), Integer::sum);
      sent.merge("supportRequests", batch.count("support.requested"), Integer::sum);
    }
    assertEquals(sent, shown, "the report's figures");
  }

  /** What the writers did, that the kiosk must end up holding. */
  private static final class Expected {
    final Set<String> met = ConcurrentHashMap.newKeySet();
    final Set<String> sessionTopics = ConcurrentHashMap.newKeySet();
    final Map<String, String> group = new ConcurrentHashMap<>();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
  }

  private static final List<String> VERIFIED = List.of("device-internet", "core-digital-citizen",
      "information-security", "help-other-households");
  private static final List<String> GROUPS = List.of("officials", "party-youth", "women-farmers");

  /**
   * One staff member's burst at one process: criteria verified, sessions planned, target groups
   * set, cards revoked, on the households of their half of the roster (so the last change to each
   * is known).
   */
  private Void write(StaffClient staff, String who, int round, int half, Expected expected) throws Exception {
    for (int i = 0; i < 8; i++) {
      String household = String.format("AT-T1-%04d", 1 + half + 2 * ((round * 8 + i) % (HOUSEHOLDS / 2)));
      String base = "/dashboard/c/" + COMMUNE + "/households/" + household;
      HttpResponse<String> answer = switch (i % 4) {
        case 0 -> {
          String criterion = VERIFIED.get((round + i / 4) % VERIFIED.size());
          expected.met.add(household + "/" + criterion);
          yield staff.postForm(base + "/criteria/" + criterion, Map.of("note", "Kiểm tra trên VNeID",
              "decision", "verify"));
        }
        case 1 -> {
          String topic = "Buổi " + who + "-" + round + "-" + i;
          expected.sessionTopics.add(topic);
          LocalDate day = LocalDate.now(VIETNAM).plusDays(1 + round * 8L + i);
          yield staff.postForm("/dashboard/c/" + COMMUNE + "/points/" + POINT + "/sessions", Map.of("date", day.toString(),
              "start", "08:00", "end", "10:00", "place", "Nhà văn hóa", "topic", topic, "trainer", "Đoàn Thanh niên"));
        }
        case 2 -> {
          String group = GROUPS.get((round + i) % GROUPS.size());
          expected.group.put(household, group);
          yield staff.postFormPairs(base + "/labels", List.of(Map.entry("group", group)));
        }
        default -> {
          expected.revoked.add(household);
          yield staff.postForm(base + "/card/revoke", Map.of("confirm", "yes"));
        }
      };
      assertEquals(303, answer.statusCode(), who + " " + i + ": " + answer.body());
    }
    return null;
  }

  private void assertHoldsEveryChange(KioskView view, Expected expected, String where) {
    for (String metKey : expected.met) {
      String[] parts = metKey.split("/");
      assertEquals("MET", view.status(parts[0], parts[1]), metKey + " " + where);
    }
    Set<String> topics = new HashSet<>();
    view.sessions.values().forEach(s -> topics.add(s.get("topic").asText()));
    assertTrue(topics.containsAll(expected.sessionTopics), "sessions " + where);
    expected.group.forEach((household, group) -> assertEquals("[\"" + group + "\"]",
        view.households.get(household).get("groups").toString(), household + " " + where));
    assertTrue(view.revokedCards.keySet().containsAll(expected.revoked), "revoked cards " + where);
    // And what kiosks practised, as the database has it.
    List<String> practised = operator.db.reader().withHandle(h -> h.createQuery("SELECT DISTINCT h.code "
        + "FROM criterion_status s JOIN household h ON h.id = s.household_id WHERE s.status = 'PRACTISED'")
        .mapTo(String.class).list());
    assertTrue(!practised.isEmpty(), "kiosks practised lessons");
    for (String household : practised) {
      assertEquals("PRACTISED", view.status(household, "vneid-level2"), household + " " + where);
    }
  }

  /** The keys whose entries differ (or that one side lacks). */
  private static List<String> differing(Map<String, JsonNode> expected, Map<String, JsonNode> actual) {
    Set<String> keys = new java.util.TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    return keys.stream().filter(k -> !java.util.Objects.equals(expected.get(k), actual.get(k))).toList();
  }

  /** What a kiosk keeps from its syncs: the newest version of each household, session and revocation. */
  private static final class KioskView {
    String cursor;
    final Map<String, JsonNode> households = new TreeMap<>();
    final Map<String, JsonNode> sessions = new TreeMap<>();
    final Map<String, JsonNode> revokedCards = new TreeMap<>();
    JsonNode criteriaSet;

    void apply(JsonNode page) {
      page.get("households").forEach(h -> households.put(h.get("code").asText(), h));
      page.get("sessions").forEach(s -> sessions.put(s.get("id").asText(), s));
      page.get("revokedCards").forEach(c -> revokedCards.put(c.get("householdCode").asText(), c));
      if (!page.get("criteriaSet").isNull()) {
        criteriaSet = page.get("criteriaSet");
      }
      cursor = page.get("cursor").asText();
    }

    String status(String household, String criterion) {
      JsonNode h = households.get(household);
      if (h == null) {
        return "(household not synced)";
      }
      for (JsonNode line : h.get("criteria")) {
        if (line.get("id").asText().equals(criterion)) {
          return line.get("status").asText();
        }
      }
      return "(no line)";
    }
  }
}
