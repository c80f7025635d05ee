package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;

/**
 * Issue 11: the dashboard's tables are kept by Java for the events a batch newly stored. A batch
 * sent again (the kiosk lost the answer) or sent twice at once changes no count a second time.
 */
class ProjectedOnceTest {
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String HOUSEHOLD = "AT-T1-0001";
  private static final String SESSION = "s-an-tuong-nvh-20261125";
  private static final String PHONE = "0912345678";

  @TempDir Path dir;
  TestHub hub;
  StaffClient staff;
  Enrolment kiosk;
  String path;
  final Events ids = new Events();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aCommuneWithAHouseholdASessionAndAKiosk() throws Exception {
    // Events.event dates events 2026-11-21; the report's current month is then November.
    hub = new TestHub(dir, new ManualClock(Instant.parse("2026-11-21T03:00:00Z")));
    hub.hub.households.upsert(List.of(new Household(HOUSEHOLD, "an-tuong", "Thôn Tân Thành", "Trần Văn Sáu",
        List.of(new Member("Trần Văn Sáu", null, null)), Set.of(), Set.of())));
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    hub.hub.schedule.saveSession(new Session(SESSION, TestHub.POINT, start, start.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    kiosk = hub.enrolDirectly(TestHub.POINT);
    path = "/api/v1/kiosks/" + kiosk.kioskId() + "/events";
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  /** Two scans, two people checked in, a lesson, a declaration and a support request. */
  private List<String> aDaysEvents() {
    return new ArrayList<>(List.of(
        Events.event(ids.newId(), "identified", "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"" + HOUSEHOLD + "\"}"),
        Events.event(ids.newId(), "identified", "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"" + HOUSEHOLD + "\"}"),
        Events.event(ids.newId(), "attendance.checked_in",
            "{\"sessionId\":\"" + SESSION + "\",\"householdCode\":\"" + HOUSEHOLD + "\",\"memberHash\":\"mh-1\"}"),
        Events.event(ids.newId(), "attendance.checked_in",
            "{\"sessionId\":\"" + SESSION + "\",\"householdCode\":\"" + HOUSEHOLD + "\",\"memberHash\":\"mh-2\"}"),
        Events.event(ids.newId(), "lesson.completed", "{\"lessonId\":\"vneid-activate\",\"version\":1,\"householdCode\":\""
            + HOUSEHOLD + "\",\"criteria\":[\"vneid-level2\"],\"score\":90,\"durationSeconds\":60}"),
        Events.event(ids.newId(), "criterion.declared",
            "{\"householdCode\":\"" + HOUSEHOLD + "\",\"criterionId\":\"vneid-level2\",\"status\":\"DECLARED\"}"),
        Events.event(ids.newId(), "support.requested",
            "{\"topic\":\"Quên mật khẩu VNeID\",\"phone\":\"" + PHONE + "\",\"householdCode\":\"" + HOUSEHOLD + "\"}")));
  }

  private static String batch(List<String> events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  @Test
  void aBatchSentAgainProjectsNothingTwiceAndOnlyItsNewEventsCount() throws Exception {
    List<String> events = aDaysEvents();
    JsonNode first = ok(hub.post(path, kiosk.token(), batch(events)));
    assertEquals(7, first.get("accepted").asInt());
    for (int i = 0; i < 3; i++) {
      JsonNode again = ok(hub.post(path, kiosk.token(), batch(events)));
      assertEquals(0, again.get("accepted").asInt());
      assertEquals(7, again.get("duplicates").asInt());
    }
    assertCountedOnce(2);

    // The same batch with one more check-in: only that one is new, and only it counts.
    events.add(Events.event(ids.newId(), "attendance.checked_in",
        "{\"sessionId\":\"" + SESSION + "\",\"householdCode\":\"" + HOUSEHOLD + "\",\"memberHash\":\"mh-3\"}"));
    JsonNode grown = ok(hub.post(path, kiosk.token(), batch(events)));
    assertEquals(1, grown.get("accepted").asInt());
    assertEquals(7, grown.get("duplicates").asInt());
    assertCountedOnce(3);
  }

  @Test
  void theSameBatchPostedTwiceAtOnceCountsOnce() throws Exception {
    String body = batch(aDaysEvents());
    int posts = 4;
    CyclicBarrier together = new CyclicBarrier(posts);
    ExecutorService pool = Executors.newFixedThreadPool(posts);
    try {
      List<Future<JsonNode>> answers = new ArrayList<>();
      for (int i = 0; i < posts; i++) {
        answers.add(pool.submit(() -> {
          together.await();
          return ok(hub.post(path, kiosk.token(), body));
        }));
      }
      int accepted = 0;
      int duplicates = 0;
      for (Future<JsonNode> answer : answers) {
        accepted += answer.get().get("accepted").asInt();
        duplicates += answer.get().get("duplicates").asInt();
      }
      assertEquals(7, accepted, "each event is accepted by exactly one of the posts");
      assertEquals(7 * (posts - 1), duplicates);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(7, hub.hub.events.count());
    assertCountedOnce(2);
  }

  /** What staff see: the month's report figures, the session page, and the two queues. */
  private void assertCountedOnce(int attendance) throws Exception {
    JsonNode november = null;
    for (JsonNode m : json.readTree(staff.get("/dashboard/api/c/an-tuong/report").body()).get("months")) {
      if (m.get("month").asText().equals("2026-11")) {
        november = m;
      }
    }
    assertTrue(november != null, "the report has November");
    assertEquals(attendance, november.get("attendance").asInt(), november.toString());
    assertEquals(2, november.get("scans").asInt(), november.toString());
    assertEquals(1, november.get("practiceCompleted").asInt(), november.toString());
    assertEquals(1, november.get("declarations").asInt(), november.toString());
    assertEquals(1, november.get("supportRequests").asInt(), november.toString());

    String session = staff.get("/dashboard/c/an-tuong/sessions/" + SESSION).body();
    assertTrue(session.contains("<span id=\"attendance-count\">" + attendance + "</span>"), session);
    String declarations = staff.get("/dashboard/c/an-tuong/declarations").body();
    assertEquals(1, occurrences(declarations, "id=\"decl-" + HOUSEHOLD + "-vneid-level2\""), declarations);
    String requests = staff.get("/dashboard/c/an-tuong/requests").body();
    assertEquals(1, occurrences(requests, PHONE), requests);
    long practised = hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM criterion_status s "
        + "JOIN household h ON h.id = s.household_id WHERE h.code = :c AND s.status = 'PRACTISED'")
        .bind("c", HOUSEHOLD).mapTo(Long.class).one());
    assertEquals(1, practised, "the lesson marked the criterion practised once");
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }
}
