package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.Json;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.MonthCompliance;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * Issue 12: support points created, edited and retired in the browser. A retired point keeps its
 * history and its kiosks (they sync and upload as before), takes no new sessions or kiosks, and is
 * not held to the minimum. Over real HTTP, on both databases.
 */
class PointAdminTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  /** 10 November 2026, 10:00 in Vietnam. */
  static final Instant NOW = Instant.parse("2026-11-10T03:00:00Z");

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir, new ManualClock(NOW));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    hub.hub.users.create("xem-xa", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of("an-tuong")));
    hub.hub.users.create("admin", PASSWORD, Assignment.admin());
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static String row(String page, String pointId) {
    Matcher m = Pattern.compile("<tr id=\"point-" + pointId + "\"[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertTrue(m.find(), pointId + " on " + page);
    return m.group(1);
  }

  private static HttpResponse<String> create(StaffClient client, String name, String minimum) throws Exception {
    client.get("/dashboard/c/an-tuong/schedule");
    return client.postForm("/dashboard/c/an-tuong/points", Map.of("name", name, "place", "Bưu điện văn hóa xã",
        "hours", "Thứ 2–6, 7:30–11:00", "minimum", minimum));
  }

  @Test
  void aPointIsCreatedShownOnTheScheduleEditedAndAudited() throws Exception {
    assertEquals(400, create(staff, "", "3").statusCode());
    HttpResponse<String> badMinimum = create(staff, "Điểm bưu điện", "nhiều");
    assertEquals(400, badMinimum.statusCode());
    assertTrue(badMinimum.body().contains("Số buổi tối thiểu phải là số nguyên"), badMinimum.body());
    assertEquals(1, hub.hub.schedule.points("an-tuong").size(), "nothing stored");

    HttpResponse<String> created = create(staff, "Điểm Bưu điện xã", "4");
    assertEquals(303, created.statusCode(), created.body());
    String id = "an-tuong-diem-buu-dien-xa";
    assertEquals("/dashboard/c/an-tuong/points/" + id, created.headers().firstValue("Location").orElseThrow());
    String schedule = staff.get("/dashboard/c/an-tuong/schedule").body();
    String row = row(schedule, id);
    assertTrue(row.contains("Điểm Bưu điện xã") && row.contains("Thứ 2–6, 7:30–11:00") && row.contains("<td>4</td>")
        && row.contains("Dưới mức tối thiểu"), row);

    staff.get("/dashboard/c/an-tuong/points/" + id);
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/points/" + id + "/edit", Map.of("name", "Điểm Bưu điện xã",
        "place", "Bưu điện văn hóa xã, thôn 2", "hours", "Thứ 2–7, 7:30–11:00", "minimum", "2")).statusCode());
    SupportPoint edited = hub.hub.schedule.point(id).orElseThrow();
    assertEquals(2, edited.minSessionsPerMonth());
    assertEquals("Thứ 2–7, 7:30–11:00", edited.openingHours());
    assertTrue(staff.get("/dashboard/c/an-tuong/points/" + id).body().contains("Thứ 2–7, 7:30–11:00"));

    var audit = hub.hub.audit.recent("an-tuong", 20);
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("point.created") && e.subject().equals(id)));
    assertTrue(audit.stream().anyMatch(e -> e.action().equals("point.edited") && e.detail().contains("min: 4 → 2")),
        audit.toString());
  }

  @Test
  void aRetiredPointKeepsHistoryAndKiosksTakesNoNewSessionsAndIsNotUnderTheMinimum() throws Exception {
    assertEquals(303, create(staff, "Điểm chợ", "3").statusCode());
    String id = "an-tuong-diem-cho";
    SupportPoint point = hub.hub.schedule.point(id).orElseThrow();
    Session past = hub.hub.schedules.create(point, java.time.LocalDate.of(2026, 11, 3), java.time.LocalTime.of(8, 0),
        java.time.LocalTime.of(10, 0), new vn.giadinhso.hub.schedule.Schedules.Plan("Chợ", "VNeID", "Tổ CNSCĐ"));
    Session planned = hub.hub.schedules.create(point, java.time.LocalDate.of(2026, 11, 24), java.time.LocalTime.of(8, 0),
        java.time.LocalTime.of(10, 0), new vn.giadinhso.hub.schedule.Schedules.Plan("Chợ", "Thanh toán", "Tổ CNSCĐ"));
    Enrolment kiosk = hub.enrolDirectly(id);
    String cursor = Json.newMapper().readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body())
        .get("cursor").asText();

    staff.get("/dashboard/c/an-tuong/points/" + id);
    HttpResponse<String> unconfirmed = staff.postForm("/dashboard/c/an-tuong/points/" + id + "/retire", Map.of());
    assertEquals(400, unconfirmed.statusCode());
    assertTrue(hub.hub.schedule.point(id).orElseThrow().retiredAt() == null);
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/points/" + id + "/retire", Map.of("confirm", "yes")).statusCode());

    // History kept: the held session stays, the planned one is cancelled (kiosks drop it).
    assertEquals(NOW, hub.hub.schedule.point(id).orElseThrow().retiredAt());
    assertEquals(Session.Status.SCHEDULED, hub.hub.schedule.session(past.id()).orElseThrow().status());
    assertEquals(Session.Status.CANCELLED, hub.hub.schedule.session(planned.id()).orElseThrow().status());

    // Shown as retired, not under the minimum this month; October (before) is held to it.
    String row = row(staff.get("/dashboard/c/an-tuong/schedule").body(), id);
    assertTrue(row.contains("Đã ngừng hoạt động") && !row.contains("Dưới mức"), row);
    MonthCompliance november = hub.hub.schedules.compliance(hub.hub.schedule.point(id).orElseThrow(), YearMonth.of(2026, 11));
    assertEquals(0, november.required());
    assertFalse(november.underMinimum());
    assertEquals(3, hub.hub.schedules.compliance(hub.hub.schedule.point(id).orElseThrow(), YearMonth.of(2026, 10)).required());
    String page = staff.get("/dashboard/c/an-tuong/points/" + id).body();
    assertTrue(page.contains("id=\"point-retired\"") && !page.contains("id=\"session-form\"")
        && !page.contains("id=\"point-edit-form\""), page);

    // No new sessions, no edits, no new kiosks.
    HttpResponse<String> session = staff.postForm("/dashboard/c/an-tuong/points/" + id + "/sessions", Map.of(
        "date", "2026-11-26", "start", "08:00", "end", "10:00", "place", "Chợ", "topic", "VNeID", "trainer", "Tổ"));
    assertEquals(400, session.statusCode());
    assertTrue(session.body().contains("đã ngừng hoạt động"), session.body());
    assertEquals(2, hub.hub.schedules.month(id, YearMonth.of(2026, 11)).size());
    assertEquals(400, staff.postForm("/dashboard/c/an-tuong/points/" + id + "/edit", Map.of("name", "X", "place", "Y",
        "hours", "", "minimum", "3")).statusCode());
    assertThrows(IllegalArgumentException.class, () -> hub.hub.kiosks.newEnrolmentCode(id));
    StaffClient admin = StaffClient.signedIn(hub, "admin", PASSWORD);
    admin.get("/dashboard/c/an-tuong/kiosks");
    assertEquals(400, admin.postForm("/dashboard/c/an-tuong/kiosks/enrol", Map.of("point", id)).statusCode());

    // Its kiosk keeps working: it syncs (and learns of the cancellation) and uploads.
    HttpResponse<String> sync = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + cursor, kiosk.token());
    assertEquals(200, sync.statusCode(), sync.body());
    JsonNode sessions = Json.newMapper().readTree(sync.body()).get("sessions");
    assertEquals(1, sessions.size(), sessions.toString());
    assertEquals(planned.id(), sessions.get(0).get("id").asText());
    assertEquals("CANCELLED", sessions.get(0).get("status").asText());
    HttpResponse<String> upload = hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), new Events().batch(3));
    assertEquals(200, upload.statusCode(), upload.body());

    assertTrue(hub.hub.audit.recent("an-tuong", 20).stream().anyMatch(e -> e.action().equals("point.retired")
        && e.subject().equals(id) && e.detail().contains("1 planned session(s) cancelled")));
  }

  @Test
  void aViewerAndAnotherCommunesStaffAreRefusedAndSeeNoForms() throws Exception {
    for (String user : List.of("xem-xa", "can-bo-kc")) {
      StaffClient client = StaffClient.signedIn(hub, user, PASSWORD);
      client.get("/dashboard/audit");
      assertEquals(403, client.postForm("/dashboard/c/an-tuong/points", Map.of("name", "Điểm lạ", "place", "Đâu đó",
          "hours", "", "minimum", "3")).statusCode(), user);
      assertEquals(403, client.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/retire",
          Map.of("confirm", "yes")).statusCode(), user);
      assertEquals(403, client.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/edit", Map.of("name", "X",
          "place", "Y", "hours", "", "minimum", "3")).statusCode(), user);
    }
    StaffClient viewer = StaffClient.signedIn(hub, "xem-xa", PASSWORD);
    assertFalse(viewer.get("/dashboard/c/an-tuong/schedule").body().contains("id=\"point-form\""));
    String point = viewer.get("/dashboard/c/an-tuong/points/" + TestHub.POINT).body();
    assertFalse(point.contains("<form method=\"post\" action=\"/dashboard/c/an-tuong/points"), point);
    assertTrue(hub.hub.schedule.point(TestHub.POINT).orElseThrow().retiredAt() == null);
    assertTrue(hub.hub.schedule.points("an-tuong").stream().noneMatch(p -> p.name().equals("Điểm lạ")));
  }
}
