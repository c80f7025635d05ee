package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * Issue 13: staff open an unscheduled session at a kiosk; the hub makes it a session of the
 * kiosk's point, marked "Mở tại ki-ốt", counted toward the month, with its check-ins counted like
 * any other's — once, whatever order or how many times the events arrive.
 */
class SessionsOpenedAtKioskTest {
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String HOUSEHOLD_A = "AT-T1-0001";
  private static final String HOUSEHOLD_B = "AT-T1-0002";

  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  String path;
  final Events events = new Events();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void aPointWithAKioskAndTwoHouseholds() {
    hub = new TestHub(dir);
    hub.hub.households.upsert(List.of(
        new Household(HOUSEHOLD_A, "an-tuong", "Thôn Tân Thành", "Trần Văn Sáu",
            List.of(new Member("Trần Văn Sáu", null, null)), Set.of(), Set.of()),
        new Household(HOUSEHOLD_B, "an-tuong", "Thôn Tân Thành", "Lê Thị Hoa",
            List.of(new Member("Lê Thị Hoa", null, null)), Set.of(), Set.of())));
    hub.hub.users.create("can-bo", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    kiosk = hub.enrolDirectly(TestHub.POINT);
    path = "/api/v1/kiosks/" + kiosk.kioskId() + "/events";
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  private static String opened(String eventId, String sessionId) {
    return Events.event(eventId, "session.opened_at_kiosk", "{\"sessionId\":\"" + sessionId
        + "\",\"topic\":\"Cài đặt VNeID (đội lưu động)\",\"startsAt\":\"2026-11-21T01:00:00Z\","
        + "\"endsAt\":\"2026-11-21T03:00:00Z\"}");
  }

  private static String checkIn(String eventId, String sessionId, String household) {
    return Events.event(eventId, "attendance.checked_in",
        "{\"sessionId\":\"" + sessionId + "\",\"householdCode\":\"" + household + "\"}");
  }

  private JsonNode send(String... batch) throws Exception {
    HttpResponse<String> response = hub.post(path, kiosk.token(), "{\"events\":[" + String.join(",", batch) + "]}");
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  private String sessionPage(String sessionId) throws Exception {
    return StaffClient.signedIn(hub, "can-bo", PASSWORD).get("/dashboard/c/an-tuong/sessions/" + sessionId).body();
  }

  private long attendanceMonth() {
    return hub.hub.db.reader().withHandle(h -> h.createQuery(
            "SELECT COALESCE(SUM(n), 0) FROM attendance_month WHERE support_point_id = :p AND month = '2026-11'")
        .bind("p", TestHub.POINT).mapTo(Long.class).one());
  }

  @Test
  void aSessionOpenedAtTheKioskIsTheKiosksPointsWithItsCheckInsAndCountsTowardTheMonth() throws Exception {
    String session = UUID.randomUUID().toString();
    JsonNode answer = send(opened(events.newId(), session), checkIn(events.newId(), session, HOUSEHOLD_A),
        checkIn(events.newId(), session, HOUSEHOLD_B));
    assertEquals(3, answer.get("accepted").asInt());
    assertEquals(0, answer.get("ignored").size(), answer.toString());

    Session stored = hub.hub.schedule.session(session).orElseThrow();
    assertEquals(TestHub.POINT, stored.supportPointId());
    assertTrue(stored.openedAtKiosk());
    assertEquals("Nhà văn hóa thôn Tân Thành", stored.place(), "held at the kiosk's point");
    String page = sessionPage(session);
    assertTrue(page.contains("<span id=\"attendance-count\">2</span>"), "both check-ins count");
    assertTrue(page.contains("Mở tại ki-ốt"), "the session page says where it was opened");
    String month = StaffClient.signedIn(hub, "can-bo", PASSWORD)
        .get("/dashboard/c/an-tuong/points/" + TestHub.POINT + "?month=2026-11").body();
    assertTrue(month.contains("Cài đặt VNeID (đội lưu động)") && month.contains("Mở tại ki-ốt"),
        "the point's month lists it with the label");
    SupportPoint point = hub.hub.schedule.point(TestHub.POINT).orElseThrow();
    assertEquals(1, hub.hub.schedules.compliance(point, YearMonth.of(2026, 11)).planned(),
        "it counts toward the month's sessions");
    assertEquals(2, attendanceMonth());
  }

  @Test
  void theSameSessionSentTwiceIsOneSessionAndCannotReplaceAPlannedOne() throws Exception {
    String session = UUID.randomUUID().toString();
    String first = opened(events.newId(), session);
    send(first, checkIn(events.newId(), session, HOUSEHOLD_A));
    assertEquals(2, send(first).get("duplicates").asInt() + 1, "the same event again is a duplicate");
    send(opened(events.newId(), session)); // the same session under a new event id (a restored kiosk)
    SupportPoint point = hub.hub.schedule.point(TestHub.POINT).orElseThrow();
    assertEquals(1, hub.hub.schedules.month(point.id(), YearMonth.of(2026, 11)).size(), "one session");
    assertTrue(sessionPage(session).contains("<span id=\"attendance-count\">1</span>"));
    assertEquals(1, attendanceMonth());
  }

  @Test
  void aCheckInThatArrivesBeforeItsSessionIsCountedWhenTheSessionArrives() throws Exception {
    String session = UUID.randomUUID().toString();
    JsonNode early = send(checkIn(events.newId(), session, HOUSEHOLD_A), checkIn(events.newId(), session, HOUSEHOLD_B));
    assertEquals(0, early.get("ignored").size(), "held, not ignored: " + early);
    assertTrue(hub.hub.schedule.session(session).isEmpty());

    send(opened(events.newId(), session), checkIn(events.newId(), session, HOUSEHOLD_A));
    assertTrue(sessionPage(session).contains("<span id=\"attendance-count\">2</span>"),
        "the early check-ins count, the same household once");
    assertEquals(2, attendanceMonth());
    long pending = hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM attendance_pending")
        .mapTo(Long.class).one());
    assertEquals(0, pending, "nothing left waiting");
  }

  @Test
  void staffCloseTheirSessionEarlyButNotAPlannedOne() throws Exception {
    String session = UUID.randomUUID().toString();
    String close = events.newId();
    JsonNode answer = send(opened(events.newId(), session), Events.event(close, "session.closed_at_kiosk",
        "{\"sessionId\":\"" + session + "\",\"endsAt\":\"2026-11-21T02:15:00Z\"}"));
    assertEquals(0, answer.get("ignored").size(), answer.toString());
    assertEquals(java.time.Instant.parse("2026-11-21T02:15:00Z"), hub.hub.schedule.session(session).orElseThrow().endsAt());

    java.time.Instant start = java.time.Instant.parse("2026-11-25T01:00:00Z");
    hub.hub.schedule.saveSession(new Session("s-planned", TestHub.POINT, start, start.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    String planned = events.newId();
    String later = events.newId();
    JsonNode refused = send(
        Events.event(planned, "session.closed_at_kiosk", "{\"sessionId\":\"s-planned\",\"endsAt\":\"2026-11-25T01:30:00Z\"}"),
        Events.event(later, "session.closed_at_kiosk",
            "{\"sessionId\":\"" + session + "\",\"endsAt\":\"2026-11-21T05:00:00Z\"}"));
    assertEquals(2, refused.get("ignored").size(), "a planned session is staff's on the dashboard; closing never lengthens");
    assertEquals(start.plusSeconds(7200), hub.hub.schedule.session("s-planned").orElseThrow().endsAt());
    assertEquals(java.time.Instant.parse("2026-11-21T02:15:00Z"), hub.hub.schedule.session(session).orElseThrow().endsAt());
  }

  /** Batches in flight may land out of order (kiosk-012): staff's close can reach the hub first. */
  @Test
  void aCloseThatArrivesBeforeItsSessionEndsItWhenTheSessionArrives() throws Exception {
    String session = UUID.randomUUID().toString();
    JsonNode early = send(Events.event(events.newId(), "session.closed_at_kiosk",
        "{\"sessionId\":\"" + session + "\",\"endsAt\":\"2026-11-21T02:15:00Z\"}"));
    assertEquals("session not received yet: it ends then when it arrives",
        early.get("ignored").get(0).get("reason").asText(), early.toString());

    send(opened(events.newId(), session));
    assertEquals(java.time.Instant.parse("2026-11-21T02:15:00Z"), hub.hub.schedule.session(session).orElseThrow().endsAt(),
        "ended when staff closed it, not two hours after it began");
    long waiting = hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event_ignored")
        .mapTo(Long.class).one());
    assertEquals(0, waiting, "nothing left waiting");
  }

  @Test
  void anInvalidSessionIsLoggedButMakesNoSession() throws Exception {
    String notUuid = events.newId();
    String backwards = events.newId();
    JsonNode answer = send(
        Events.event(notUuid, "session.opened_at_kiosk", "{\"sessionId\":\"s-an-tuong-nvh-20261125\",\"topic\":\"VNeID\","
            + "\"startsAt\":\"2026-11-21T01:00:00Z\",\"endsAt\":\"2026-11-21T03:00:00Z\"}"),
        Events.event(backwards, "session.opened_at_kiosk", "{\"sessionId\":\"" + UUID.randomUUID() + "\",\"topic\":\"VNeID\","
            + "\"startsAt\":\"2026-11-21T03:00:00Z\",\"endsAt\":\"2026-11-21T01:00:00Z\"}"));
    assertEquals(2, answer.get("ignored").size(), answer.toString());
    SupportPoint point = hub.hub.schedule.point(TestHub.POINT).orElseThrow();
    assertFalse(hub.hub.schedules.month(point.id(), YearMonth.of(2026, 11)).stream().anyMatch(Session::openedAtKiosk));
  }
}
