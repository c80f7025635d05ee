package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * Issue 12's province page over real HTTP on the demo: the province officer sees both demo
 * communes with the figures their own commune pages show, sorts, exports; commune staff and an
 * officer of another province are refused.
 */
class ProvincePageTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String PROVINCE = "52";
  static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient officer;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir, new ManualClock(NOW));
    new DemoData(hub.hub).load();
    // A point with no sessions this month: its commune is flagged under the minimum.
    hub.hub.schedule.savePoint(new SupportPoint("kon-chieng-lang-moi", "kon-chieng", "Điểm làng Mới", "Nhà rông", 3));
    // Another province, as RouteAccessTest makes one: a commune whose criteria set names a province the hub has no code for.
    CriteriaSet kc = hub.hub.criteriaJson.readResource("kon-chieng-2025.json");
    hub.hub.criteria.load(new CriteriaSet("xa-thu", "Xã Thử", "Tỉnh Thử Nghiệm", kc.version(), kc.title(),
        kc.source(), kc.pillars(), kc.criteria(), kc.groups(), kc.flags(), kc.overallTargetPercent()));
    String otherProvince = hub.hub.units.provinceOf("xa-thu").orElseThrow();
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province(PROVINCE));
    hub.hub.users.create("tinh-khac", PASSWORD, Assignment.province(otherProvince));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    officer = StaffClient.signedIn(hub, "tinh-gl", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  /** The figures one commune's own pages show: its report (JSON form), its queues and its kiosk list. */
  record CommuneFigures(int households, int recognised, int held, int required, int attendance, int practice,
      int requests, int declarations, int staleKiosks) {}

  static CommuneFigures fromCommunePages(StaffClient client, String commune) throws Exception {
    HttpResponse<String> api = client.get("/dashboard/api/c/" + commune + "/report");
    assertEquals(200, api.statusCode(), api.body());
    JsonNode report = JSON.readTree(api.body());
    JsonNode whole = report.get("areas").get(0);
    JsonNode month = report.get("months").get(report.get("months").size() - 1);
    assertEquals("2026-11", month.get("month").asText());
    String requests = client.get("/dashboard/c/" + commune + "/requests").body();
    // Open and assigned requests by their state (a reader of the commune sees no forms to count).
    int open = count(requests, "data-status=\"OPEN\"") + count(requests, "data-status=\"ASSIGNED\"");
    String declarations = client.get("/dashboard/c/" + commune + "/declarations").body();
    Matcher waiting = Pattern.compile("id=\"declaration-count\">(\\d+)<").matcher(declarations);
    assertTrue(waiting.find(), "the declarations page shows its count");
    int stale = count(client.get("/dashboard/c/" + commune + "/kiosks").body(), "Mất liên lạc");
    return new CommuneFigures(whole.get("households").asInt(), whole.get("recognised").asInt(),
        month.get("sessionsHeld").asInt(), month.get("sessionsRequired").asInt(), month.get("attendance").asInt(),
        month.get("practiceCompleted").asInt(), open, Integer.parseInt(waiting.group(1)), stale);
  }

  static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  /** A cell of the commune's row in the province table, by its class. */
  static String cell(String page, String commune, String column) {
    Matcher row = Pattern.compile("<tr data-commune=\"" + commune + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertTrue(row.find(), "a row for " + commune);
    Matcher cell = Pattern.compile("<td class=\"num " + column + "\">([^<]*)").matcher(row.group(1));
    assertTrue(cell.find(), column + " in " + row.group(1));
    return cell.group(1).strip();
  }

  @Test
  void theOfficerSeesBothDemoCommunesWithTheFiguresTheirOwnPagesShow() throws Exception {
    HttpResponse<String> response = officer.get("/dashboard/provinces/" + PROVINCE);
    assertEquals(200, response.statusCode(), response.body());
    String page = response.body();
    assertTrue(page.contains("<a href=\"/dashboard/c/an-tuong\">Ân Tường</a>"), page);
    assertTrue(page.contains("href=\"/dashboard/c/kon-chieng\""), page);
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      CommuneFigures expected = fromCommunePages(officer, commune);
      assertTrue(expected.households() > 0 && expected.attendance() > 0 && expected.practice() > 0, expected.toString());
      assertEquals(String.valueOf(expected.households()), cell(page, commune, "households"), commune);
      assertEquals(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * expected.recognised() / expected.households()),
          cell(page, commune, "percent"), commune);
      assertEquals(expected.held() + " / " + expected.required(), cell(page, commune, "sessions"), commune);
      assertEquals(String.valueOf(expected.attendance()), cell(page, commune, "attendance"), commune);
      assertEquals(String.valueOf(expected.practice()), cell(page, commune, "practice"), commune);
      assertEquals(String.valueOf(expected.requests()), cell(page, commune, "requests"), commune);
      assertEquals(String.valueOf(expected.declarations()), cell(page, commune, "declarations"), commune);
      assertEquals(String.valueOf(expected.staleKiosks()), cell(page, commune, "kiosks"), commune);
    }
    // The new point has no session this month: flagged by name in its commune's row only.
    Matcher kc = Pattern.compile("<tr data-commune=\"kon-chieng\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertTrue(kc.find());
    assertTrue(kc.group(1).contains("Dưới mức tối thiểu: ") && kc.group(1).contains("Điểm làng Mới"), kc.group(1));
    // The chart: one bar per commune, with its value.
    assertTrue(page.contains("id=\"chart-province-recognised\""));
    assertTrue(page.contains(">Kon Chiêng</text>") && page.contains(">Ân Tường</text>"), page);
  }

  @Test
  void sortingIsAQueryParameterAndTheHeadersSayWhichWay() throws Exception {
    List<String> byHouseholds = communeOrder(officer.get("/dashboard/provinces/" + PROVINCE + "?sort=households&dir=asc").body());
    List<String> byHouseholdsDesc = communeOrder(officer.get("/dashboard/provinces/" + PROVINCE + "?sort=households&dir=desc").body());
    assertEquals(2, byHouseholds.size());
    List<String> reversed = new ArrayList<>(byHouseholdsDesc);
    java.util.Collections.reverse(reversed);
    assertEquals(byHouseholds, reversed);
    String page = officer.get("/dashboard/provinces/" + PROVINCE + "?sort=households&dir=asc").body();
    int small = Integer.parseInt(cell(page, byHouseholds.get(0), "households"));
    int large = Integer.parseInt(cell(page, byHouseholds.get(1), "households"));
    assertTrue(small <= large, small + " then " + large);
    // The sorted column says so to screen readers, and its link flips the direction.
    assertTrue(Pattern.compile("aria-sort=\"ascending\"><a href=\"/dashboard/provinces/52\\?sort(=|&#x3D;)households&amp;dir(=|&#x3D;)desc\"")
        .matcher(page).find(), page);
    assertEquals(1, count(page, "aria-sort=\"ascending\""));
    // An unknown column falls back to the commune name rather than failing.
    assertEquals(200, officer.get("/dashboard/provinces/" + PROVINCE + "?sort=%3Cscript%3E").statusCode());
  }

  static List<String> communeOrder(String page) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<tr data-commune=\"([^\"]+)\">").matcher(page);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  @Test
  void theCsvHasABomAndTheTableAndTheXlsxReadsBack() throws Exception {
    HttpResponse<byte[]> csv = officer.getBytes("/dashboard/provinces/" + PROVINCE + "/export.csv");
    assertEquals(200, csv.statusCode());
    byte[] body = csv.body();
    assertEquals((byte) 0xEF, body[0]);
    assertEquals((byte) 0xBB, body[1]);
    assertEquals((byte) 0xBF, body[2]);
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("Mã xã (Commune id),Xã (Commune),Số hộ (Households),Hộ đạt (Recognised),"), text);
    CommuneFigures at = fromCommunePages(officer, "an-tuong");
    assertTrue(text.contains("\r\nan-tuong,Ân Tường," + at.households() + "," + at.recognised() + ","), text);

    HttpResponse<byte[]> xlsx = officer.getBytes("/dashboard/provinces/" + PROVINCE + "/export.xlsx");
    assertEquals(200, xlsx.statusCode());
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals("Xã (Commune)", rows.get(0).getCellText(1));
      assertEquals(3, rows.size());
      Row first = rows.stream().filter(r -> "an-tuong".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertEquals(at.households(), first.getCellAsNumber(2).orElseThrow().intValue());
      assertEquals(at.attendance(), first.getCellAsNumber(9).orElseThrow().intValue());
    }
  }

  @Test
  void communeStaffAndOtherProvincesOfficersAreRefusedPageAndExports() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    StaffClient other = StaffClient.signedIn(hub, "tinh-khac", PASSWORD);
    for (String path : List.of("", "/export.csv", "/export.xlsx")) {
      assertEquals(403, staff.get("/dashboard/provinces/" + PROVINCE + path).statusCode(), path);
      assertEquals(403, other.get("/dashboard/provinces/" + PROVINCE + path).statusCode(), path);
    }
    // An admin may name a province that does not exist: a 404 page, not an error.
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    assertEquals(404, admin.get("/dashboard/provinces/99").statusCode());
    assertEquals(200, admin.get("/dashboard/provinces/" + PROVINCE).statusCode());
  }

  @Test
  void theHomePageLinksOfficersAndAdminsToTheProvincePage() throws Exception {
    assertTrue(officer.get("/dashboard").body().contains("href=\"/dashboard/provinces/52\""));
    String adminHome = StaffClient.signedIn(hub, "quan-tri", PASSWORD).get("/dashboard").body();
    assertTrue(adminHome.contains("href=\"/dashboard/provinces/52\""), adminHome);
    for (var province : hub.hub.units.provinces()) {
      assertTrue(adminHome.contains("href=\"/dashboard/provinces/" + province.code() + "\""), province.code());
    }
    assertTrue(hub.hub.units.provinces().size() >= 2);
    // The other province's officer is offered only its own.
    String otherHome = StaffClient.signedIn(hub, "tinh-khac", PASSWORD).get("/dashboard").body();
    assertTrue(!otherHome.contains("href=\"/dashboard/provinces/52\""), otherHome);
  }
}
