package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Recurrence;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/** Staff work through the dashboard over real HTTP, as a browser would (forms, redirects, CSRF). */
class DashboardFlowTest extends SignedInStaffTest {
  @BeforeAll
  static void aSecondSupportPoint() {
    hub.hub.schedule.savePoint(new SupportPoint("an-tuong-xom-moi", "an-tuong", "Điểm xóm Mới", "Nhà ông Trưởng xóm", 3));
  }

  @Test
  void theRecurrenceHelperFillsAMonthAndCompliancePassesWhileAnEmptyPointIsFlagged() throws Exception {
    YearMonth month = hub.hub.schedules.currentMonth().plusMonths(3);
    HttpResponse<String> created = staff.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/recurrence",
        Map.of("month", month.toString(), "day", "TUESDAY", "start", "08:00", "end", "10:00",
            "place", "Nhà văn hóa thôn Tân Thành", "topic", "Cài đặt VNeID mức độ 2", "trainer", "Đoàn Thanh niên xã"));
    assertEquals(303, created.statusCode(), created.body());
    // A second weekday through the same form field, as checkboxes send it.
    staff.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/recurrence",
        Map.of("month", month.toString(), "day", "SATURDAY", "start", "19:00", "end", "21:00",
            "place", "Nhà văn hóa", "topic", "Nhận diện lừa đảo trực tuyến", "trainer", "Công an xã"));
    int expected = new Recurrence(month, java.util.Set.of(DayOfWeek.TUESDAY, DayOfWeek.SATURDAY),
        java.time.LocalTime.of(8, 0), java.time.LocalTime.of(10, 0)).dates().size();
    List<Session> sessions = hub.hub.schedules.month(TestHub.POINT, month);
    assertEquals(expected, sessions.size());
    // 19:00 in Vietnam is 12:00 UTC.
    assertTrue(sessions.stream().anyMatch(s -> s.startsAt().toString().endsWith("T12:00:00Z")));

    String page = staff.get("/dashboard/c/an-tuong/points/" + TestHub.POINT + "?month=" + month).body();
    assertTrue(page.contains("Thứ Ba") && page.contains("Cài đặt VNeID mức độ 2"), page);

    String compliance = staff.get("/dashboard/c/an-tuong/schedule?month=" + month).body();
    String okRow = row(compliance, "point-" + TestHub.POINT);
    assertTrue(okRow.contains("Đạt") && !okRow.contains("Dưới mức"), okRow);
    String flaggedRow = row(compliance, "point-an-tuong-xom-moi");
    assertTrue(flaggedRow.contains("Dưới mức tối thiểu"), flaggedRow);
  }

  @Test
  void aCancelledSessionStaysAndReachesKiosksAsCancelled() throws Exception {
    YearMonth month = hub.hub.schedules.currentMonth().plusMonths(5);
    staff.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/sessions",
        Map.of("date", month.atDay(10).toString(), "start", "08:00", "end", "09:30", "place", "NVH",
            "topic", "Thanh toán tiền điện", "trainer", "Tổ CNSCĐ"));
    Session session = hub.hub.schedules.month(TestHub.POINT, month).get(0);
    long before = hub.hub.schedule.sessionsChanged(TestHub.POINT, 0, Long.MAX_VALUE).stream()
        .filter(s -> s.id().equals(session.id())).count();
    assertEquals(1, before);
    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/sessions/" + session.id() + "/cancel", Map.of()).statusCode());
    assertEquals(Session.Status.CANCELLED, hub.hub.schedule.session(session.id()).orElseThrow().status());
    String audit = staff.get("/dashboard/audit").body();
    assertTrue(audit.contains("session.cancelled"));
  }

  @Test
  void aPersonRecordedByTwoKiosksCountsOnceAndFirstTimersAreMarked() throws Exception {
    YearMonth month = hub.hub.schedules.currentMonth();
    staff.postForm("/dashboard/c/an-tuong/points/" + TestHub.POINT + "/sessions",
        Map.of("date", month.atDay(2).toString(), "start", "08:00", "end", "09:00", "place", "NVH",
            "topic", "Điểm danh thử", "trainer", "Tổ CNSCĐ"));
    Session session = hub.hub.schedules.month(TestHub.POINT, month).stream()
        .filter(s -> s.topic().equals("Điểm danh thử")).findFirst().orElseThrow();
    Enrolment k1 = hub.enrolDirectly(TestHub.POINT);
    Enrolment k2 = hub.enrolDirectly(TestHub.POINT);
    // A household new to the roster: the demo's have a year of attendance behind them.
    hub.hub.households.upsert(java.util.List.of(new vn.giadinhso.hub.household.Household("AT-T4-9001", "an-tuong",
        "Thôn Vĩnh Hòa", "Hồ Văn Mới", java.util.List.of(new vn.giadinhso.hub.household.Member("Hồ Văn Mới", null, null)),
        java.util.Set.of(), java.util.Set.of())));
    Events events = new Events();
    String payload = "{\"sessionId\":\"" + session.id() + "\",\"householdCode\":\"AT-T4-9001\",\"memberHash\":\"mh-1\"}";
    post(k1, events.newId(), "attendance.checked_in", payload);
    post(k2, events.newId(), "attendance.checked_in", payload);
    post(k2, events.newId(), "attendance.checked_in",
        "{\"sessionId\":\"" + session.id() + "\",\"householdCode\":\"AT-T2-0002\"}");
    String page = staff.get("/dashboard/c/an-tuong/sessions/" + session.id()).body();
    assertTrue(page.contains("<span id=\"attendance-count\">2</span>"), page);
    assertTrue(page.contains("AT-T4-9001") && page.contains("Lần đầu"), page);
  }

  @Test
  void supportRequestsAreQueuedAssignedAndClosed() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    post(kiosk, new Events().newId(), "support.requested",
        "{\"topic\":\"Quên mật khẩu VNeID\",\"phone\":\"0912345678\",\"householdCode\":\"AT-T1-0001\"}");
    String queue = staff.get("/dashboard/c/an-tuong/requests").body();
    assertTrue(queue.contains("Quên mật khẩu VNeID") && queue.contains("0912345678") && queue.contains("Thôn Tân Thành"), queue);
    String id = hub.hub.supportRequests.queue("an-tuong").get(0).id();
    staff.postForm("/dashboard/c/an-tuong/requests/" + id, Map.of("assignee", "Anh Hùng", "status", "ASSIGNED", "note", "Gọi lại chiều nay"));
    staff.postForm("/dashboard/c/an-tuong/requests/" + id, Map.of("assignee", "Anh Hùng", "status", "CLOSED", "note", "Đã hướng dẫn"));
    var request = hub.hub.supportRequests.find("an-tuong", id).orElseThrow();
    assertEquals("CLOSED", request.status().name());
    assertEquals("Anh Hùng", request.assignee());
    // Another commune's staff do not see it.
    assertTrue(hub.hub.supportRequests.queue("kon-chieng").stream().noneMatch(r -> r.id().equals(id)));
  }

  @Test
  void aDeclarationFromAKioskIsVerifiedAsMetAndCountsForTheHousehold() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    String code = "AT-T2-0002";
    post(kiosk, new Events().newId(), "criterion.declared",
        "{\"householdCode\":\"" + code + "\",\"criterionId\":\"information-security\",\"status\":\"DECLARED\"}");
    String queue = staff.get("/dashboard/c/an-tuong/declarations").body();
    assertTrue(queue.contains("decl-" + code + "-information-security"), queue);
    HttpResponse<String> verified = staff.postForm("/dashboard/c/an-tuong/households/" + code + "/criteria/information-security",
        Map.of("note", "Đã hỏi đáp 5 câu về lừa đảo", "decision", "met", "back", "/dashboard/c/an-tuong/declarations"));
    assertEquals(303, verified.statusCode());
    assertFalse(staff.get("/dashboard/c/an-tuong/declarations").body().contains("decl-" + code + "-information-security"));
    var stored = hub.hub.households.find(code).orElseThrow();
    assertEquals(CriterionStatus.MET, stored.latestStatuses().get("information-security").status());
    assertEquals("can-bo-a", stored.latestStatuses().get("information-security").actor());
    var evaluation = HouseholdEvaluator.evaluate(hub.hub.criteria.active("an-tuong").orElseThrow(),
        stored.household().flags(), stored.latestStatuses());
    String page = staff.get("/dashboard/c/an-tuong/households/" + code).body();
    assertTrue(page.contains(evaluation.met() + "/" + evaluation.applicable()), page);
    assertTrue(page.contains("Đã hỏi đáp 5 câu về lừa đảo"));
  }

  @Test
  void householdsAreFoundByCodeVillageOrName() throws Exception {
    String byVillage = staff.get("/dashboard/c/an-tuong/households?q=" + java.net.URLEncoder.encode("Hội Long", java.nio.charset.StandardCharsets.UTF_8)).body();
    assertTrue(byVillage.contains("AT-T2-0002"), byVillage);
    assertFalse(byVillage.contains("AT-T1-0001"));
    String head = hub.hub.households.find("AT-T1-0001").orElseThrow().household().headName();
    String byName = staff.get("/dashboard/c/an-tuong/households?q=" + java.net.URLEncoder.encode(head, java.nio.charset.StandardCharsets.UTF_8)).body();
    assertTrue(byName.contains("AT-T1-0001"));
    assertEquals(404, staff.get("/dashboard/c/an-tuong/households/KC-T1-0001").statusCode());
  }

  @Test
  void kiosksAreEnrolledWithACodeAndItsQrAndCanBeRevoked() throws Exception {
    hub.hub.users.create("quan-tri-flow", PASSWORD, vn.giadinhso.hub.auth.UserStore.Role.ADMIN, null);
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri-flow", PASSWORD);
    HttpResponse<String> page = admin.postForm("/dashboard/c/an-tuong/kiosks/enrol", Map.of("point", TestHub.POINT));
    assertEquals(200, page.statusCode());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"enrolment-code\">([^<]+)<").matcher(page.body());
    assertTrue(m.find());
    assertTrue(page.body().contains("data:image/png;base64,"));
    Enrolment enrolled = hub.hub.kiosks.enrol(m.group(1));
    assertTrue(staff.get("/dashboard/c/an-tuong/kiosks").body().contains(enrolled.kioskId()));
    staff.postForm("/dashboard/c/an-tuong/kiosks/" + enrolled.kioskId() + "/revoke", Map.of());
    assertTrue(hub.hub.kiosks.status(enrolled.kioskId()).orElseThrow().revoked());
  }

  private static void post(Enrolment kiosk, String id, String type, String payload) throws Exception {
    HttpResponse<String> response = hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(),
        "{\"events\":[" + Events.event(id, type, payload) + "]}");
    assertEquals(200, response.statusCode(), response.body());
  }

  private static String row(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertTrue(start >= 0, "no row " + id);
    return html.substring(start, html.indexOf("</tr>", start));
  }
}
