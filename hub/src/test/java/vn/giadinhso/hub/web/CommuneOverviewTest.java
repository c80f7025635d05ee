package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * Issue 12's commune overview over real HTTP on the demo: its figures are the ones the commune's
 * report, schedule, queue and kiosk pages show; it is Vietnamese by default and English on
 * request; a viewer sees no forms; staff of another commune are refused.
 */
class CommuneOverviewTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient officer;

  @BeforeAll
  static void start() throws Exception {
    // A point with no sessions this month (under its minimum) and a kiosk last heard from 30 hours ago (stale).
    ManualClock clock = new ManualClock(NOW.minus(java.time.Duration.ofHours(30)));
    hub = new TestHub(dir, clock);
    hub.hub.schedule.savePoint(new SupportPoint("an-tuong-xom-moi", "an-tuong", "Điểm xóm Mới", "Nhà trưởng xóm", 3));
    hub.enrolDirectly("an-tuong-xom-moi");
    clock.advance(java.time.Duration.ofHours(30));
    new DemoData(hub.hub).load();
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("can-bo-k", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    hub.hub.users.create("xem-a", PASSWORD, new Assignment(UserStore.Role.VIEWER, null, List.of("an-tuong")));
    officer = StaffClient.signedIn(hub, "tinh-gl", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static String value(String page, String id) {
    Matcher m = Pattern.compile("id=\"value-" + id + "\">([^<]*)<").matcher(page);
    assertTrue(m.find(), "the overview shows " + id);
    return m.group(1).strip();
  }

  static String main(String page) {
    return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
  }

  @Test
  void theFiguresAreTheOnesTheReportQueueScheduleAndKioskPagesShow() throws Exception {
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      HttpResponse<String> response = officer.get("/dashboard/c/" + commune);
      assertEquals(200, response.statusCode(), response.body());
      String page = response.body();
      ProvincePageTest.CommuneFigures expected = ProvincePageTest.fromCommunePages(officer, commune);
      assertTrue(expected.households() > 0 && expected.attendance() > 0 && expected.practice() > 0, expected.toString());
      assertEquals(String.valueOf(expected.households()), value(page, "households"), commune);
      assertEquals(String.valueOf(expected.recognised()), value(page, "recognised"), commune);
      assertTrue(page.contains(String.format(java.util.Locale.forLanguageTag("vi"), "%.1f %%",
          100.0 * expected.recognised() / expected.households())), "the % in Vietnamese writing");
      assertEquals(String.valueOf(expected.held()), value(page, "held"), commune);
      assertEquals(String.valueOf(expected.required()), value(page, "required"), commune);
      assertEquals(String.valueOf(expected.attendance()), value(page, "attendance"), commune);
      assertEquals(String.valueOf(expected.practice()), value(page, "practice"), commune);
      assertEquals(String.valueOf(expected.requests()), value(page, "requests"), commune);
      assertEquals(String.valueOf(expected.declarations()), value(page, "declarations"), commune);
      assertEquals(String.valueOf(expected.staleKiosks()), value(page, "kiosks"), commune);

      // Each point as the schedule page shows it, flagged the same way.
      String schedule = officer.get("/dashboard/c/" + commune + "/schedule").body();
      Matcher row = Pattern.compile("<tr id=\"point-([^\"]+)\"(?: class=\"retired\")?><td><a[^>]*>[^<]*</a>(?:<br><span class=\"line2\">[^<]*</span>)?</td>"
          + "<td>[^<]*</td><td>(\\d+)</td><td>(\\d+)</td>"
          + "<td>\\d+</td><td>(\\d+)</td>\\s*<td>(.*?)</td></tr>", Pattern.DOTALL).matcher(schedule);
      int points = 0;
      int under = 0;
      while (row.find()) {
        points++;
        Matcher mine = Pattern.compile("<tr data-point=\"" + Pattern.quote(row.group(1)) + "\">.*?<td class=\"num\">(\\d+)</td>"
            + "<td class=\"num\">(\\d+)</td><td class=\"num\">(\\d+)</td>\\s*<td>(.*?)</td></tr>", Pattern.DOTALL).matcher(page);
        assertTrue(mine.find(), row.group(1));
        assertEquals(row.group(3), mine.group(1), "held at " + row.group(1));
        assertEquals(row.group(2), mine.group(2), "planned at " + row.group(1));
        assertEquals(row.group(4), mine.group(3), "minimum at " + row.group(1));
        boolean flagged = row.group(5).contains("Dưới mức tối thiểu");
        assertEquals(flagged, mine.group(4).contains("Dưới mức tối thiểu"), row.group(1));
        under += flagged ? 1 : 0;
      }
      assertTrue(points >= 2, schedule);
      if (under > 0) {
        assertEquals(String.valueOf(under), value(page, "under"), commune);
      } else {
        assertFalse(page.contains("id=\"value-under\""), commune);
      }
    }
    // What the test set up shows where a person would look for it.
    String anTuong = officer.get("/dashboard/c/an-tuong").body();
    assertTrue(Integer.parseInt(value(anTuong, "kiosks")) >= 1, "the never-seen kiosk is stale");
    assertTrue(anTuong.contains("Điểm xóm Mới") && !value(anTuong, "under").equals("0"));
    assertTrue(Integer.parseInt(value(anTuong, "declarations")) > 0, "the demo has declarations waiting");
    assertTrue(anTuong.contains("href=\"/dashboard/c/an-tuong/declarations\"")
        && anTuong.contains("href=\"/dashboard/c/an-tuong/requests\"")
        && anTuong.contains("href=\"/dashboard/c/an-tuong/kiosks\"")
        && anTuong.contains("href=\"/dashboard/c/an-tuong/schedule\""), "links to the queues, kiosks and schedule");
  }

  @Test
  void theNextSessionsAreTheSoonestNotCancelledNotOverByPointName() throws Exception {
    String page = officer.get("/dashboard/c/an-tuong").body();
    List<Session> expected = new ArrayList<>();
    YearMonth month = YearMonth.of(2026, 11);
    for (SupportPoint p : hub.hub.schedule.points("an-tuong")) {
      for (int i = 0; i < 3; i++) {
        hub.hub.schedules.month(p.id(), month.plusMonths(i)).stream()
            .filter(s -> s.status() != Session.Status.CANCELLED && s.endsAt().isAfter(NOW)).forEach(expected::add);
      }
    }
    expected.sort(Comparator.comparing(Session::startsAt).thenComparing(Session::id));
    List<String> shown = new ArrayList<>();
    Matcher m = Pattern.compile("<li data-session=\"([^\"]+)\">").matcher(page);
    while (m.find()) {
      shown.add(m.group(1));
    }
    assertFalse(expected.isEmpty(), "the demo plans sessions ahead");
    assertEquals(expected.stream().limit(5).map(Session::id).toList(), shown);
    Session first = expected.get(0);
    String point = hub.hub.schedule.point(first.supportPointId()).orElseThrow().name();
    Matcher item = Pattern.compile("<li data-session=\"" + Pattern.quote(first.id()) + "\">(.*?)</li>", Pattern.DOTALL).matcher(page);
    assertTrue(item.find());
    assertTrue(item.group(1).contains(point) && !item.group(1).contains(first.supportPointId() + "<"), item.group(1));
    assertTrue(item.group(1).contains("href=\"/dashboard/c/an-tuong/sessions/" + first.id() + "\""), item.group(1));
  }

  @Test
  void vietnameseByDefaultEnglishOnRequest() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    String vi = staff.get("/dashboard/c/an-tuong").body();
    assertTrue(vi.contains("Yêu cầu hỗ trợ đang mở") && vi.contains("Tự khai chờ xác minh")
        && vi.contains("Ki-ốt mất liên lạc 24 giờ") && !vi.contains("Open support requests"), vi);
    staff.get("/language/en?back=%2Fdashboard");
    String en = staff.get("/dashboard/c/an-tuong").body();
    assertTrue(en.contains("Open support requests") && en.contains("Declarations waiting")
        && en.contains("Kiosks not seen for 24 h") && !en.contains("Yêu cầu hỗ trợ đang mở"), en);
    assertEquals(value(vi, "declarations"), value(en, "declarations"));
  }

  @Test
  void aViewerSeesTheFiguresAndNoFormStaffOfAnotherCommuneAreRefused() throws Exception {
    StaffClient viewer = StaffClient.signedIn(hub, "xem-a", PASSWORD);
    HttpResponse<String> page = viewer.get("/dashboard/c/an-tuong");
    assertEquals(200, page.statusCode());
    assertFalse(main(page.body()).contains("<form"), main(page.body()));
    assertEquals(value(officer.get("/dashboard/c/an-tuong").body(), "declarations"), value(page.body(), "declarations"));
    assertEquals(403, viewer.get("/dashboard/c/kon-chieng").statusCode());

    StaffClient other = StaffClient.signedIn(hub, "can-bo-k", PASSWORD);
    HttpResponse<String> refused = other.get("/dashboard/c/an-tuong");
    assertEquals(403, refused.statusCode());
    assertFalse(refused.body().contains("id=\"value-households\""));
    assertEquals(200, other.get("/dashboard/c/kon-chieng").statusCode());
  }

  @Test
  void theHomePageListsProvincesAndCommunesInTheReadersLanguage() throws Exception {
    StaffClient reader = StaffClient.signedIn(hub, "tinh-gl", PASSWORD);
    String vi = reader.get("/dashboard").body();
    assertTrue(vi.contains("href=\"/dashboard/provinces/52\"") && vi.contains("href=\"/dashboard/c/an-tuong\"")
        && vi.contains("href=\"/dashboard/c/kon-chieng\""), vi);
    assertTrue(vi.contains("<title>Bảng điều khiển") && vi.contains("Tổng hợp các xã") && !vi.contains("All communes"), vi);
    reader.get("/language/en?back=%2Fdashboard");
    String en = reader.get("/dashboard").body();
    assertTrue(en.contains("<title>Dashboard") && en.contains("All communes") && !en.contains("Tổng hợp các xã"), en);
    // Staff of one commune go straight to its overview.
    HttpResponse<String> staffHome = StaffClient.signedIn(hub, "can-bo-a", PASSWORD).get("/dashboard");
    assertEquals("/dashboard/c/an-tuong", staffHome.headers().firstValue("Location").orElse(""));
  }
}
