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

  static final Pattern GROUPS_MEETING = Pattern.compile("id=\"groups-meeting\">Nhóm đạt mục tiêu: (\\d+) / (\\d+)<");
  static final Pattern VNEID_RATE = Pattern.compile("id=\"vneid-rate\">(\\d+) trên (\\d+) hộ \\(([0-9.]+) %\\)<");

  /** The commune report's VNeID level-2 line: households meeting it, all households, the rate. */
  static String[] vneidOnReport(StaffClient client, String commune) throws Exception {
    Matcher m = VNEID_RATE.matcher(client.get("/dashboard/c/" + commune + "/report").body());
    assertTrue(m.find(), commune);
    return new String[] {m.group(1), m.group(2), m.group(3)};
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
      assertEquals(at.attendance(), first.getCellAsNumber(14).orElseThrow().intValue());
      // The new columns, as the commune's report shows them.
      assertEquals("Nhóm đạt mục tiêu (Target groups meeting target)", rows.get(0).getCellText(5));
      assertEquals("Tỷ lệ VNeID mức 2 % (VNeID level 2 %)", rows.get(0).getCellText(9));
      Matcher meeting = GROUPS_MEETING.matcher(officer.get("/dashboard/c/an-tuong/report").body());
      assertTrue(meeting.find());
      assertEquals(Integer.parseInt(meeting.group(1)), first.getCellAsNumber(5).orElseThrow().intValue());
      assertEquals(Integer.parseInt(meeting.group(2)), first.getCellAsNumber(6).orElseThrow().intValue());
      String[] vneid = vneidOnReport(officer, "an-tuong");
      assertEquals(Integer.parseInt(vneid[0]), first.getCellAsNumber(8).orElseThrow().intValue());
      assertEquals(vneid[2], String.format(java.util.Locale.ROOT, "%.1f", first.getCellAsNumber(9).orElseThrow().doubleValue()));
    }
    // The CSV carries the same new columns, in the same place.
    assertTrue(text.contains(",Tỷ lệ đạt % (Recognised %),Nhóm đạt mục tiêu (Target groups meeting target),"
        + "Nhóm có mục tiêu (Target groups with a target),Nhóm dưới mục tiêu (Groups below target),"
        + "Hộ có VNeID mức 2 (Households with VNeID level 2),Tỷ lệ VNeID mức 2 % (VNeID level 2 %),"), text);
    String[] vneid = vneidOnReport(officer, "kon-chieng");
    Matcher kc = Pattern.compile("\\r\\nkon-chieng,[^\\r]*").matcher(text);
    assertTrue(kc.find(), text);
    // Kon Chiêng's groups have no targets: 0 of 0, none below; its VNeID figures as its report's.
    assertTrue(kc.group().contains(",0,0,," + vneid[0] + "," + vneid[2] + ","), kc.group());
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

  /** A cell's whole markup (it may hold notes in spans), by the cell's class. */
  static String cellHtml(String page, String commune, String column) {
    Matcher row = Pattern.compile("<tr data-commune=\"" + commune + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
    assertTrue(row.find(), "a row for " + commune);
    Matcher cell = Pattern.compile("<td class=\"num " + column + "\">(.*?)</td>").matcher(row.group(1));
    assertTrue(cell.find(), column + " in " + row.group(1));
    return cell.group(1);
  }

  @Test
  void targetGroupsAndVneidColumnsShowWhatEachCommunesReportShows() throws Exception {
    String page = officer.get("/dashboard/provinces/" + PROVINCE).body();
    // Ân Tường's groups carry targets: "met of with a target", as its report counts them.
    String report = officer.get("/dashboard/c/an-tuong/report").body();
    Matcher meeting = GROUPS_MEETING.matcher(report);
    assertTrue(meeting.find(), report);
    assertEquals(meeting.group(1) + " / " + meeting.group(2), cell(page, "an-tuong", "targets"));
    assertEquals("3", meeting.group(2));
    // Each group the report marks below target is named in the province row's note, with its rate.
    Matcher below = Pattern.compile("<tr data-group=\"[^\"]+\"><td>([^<]+)</td><td>\\d+</td><td>\\d+</td>"
        + "<td class=\"percent\">([0-9.]+)</td><td>[^<]*</td><td class=\"meets\"><span class=\"under\">").matcher(report);
    String targets = cellHtml(page, "an-tuong", "targets");
    int belowCount = 0;
    while (below.find()) {
      belowCount++;
      assertTrue(targets.contains(below.group(1) + " " + below.group(2) + " %"), below.group(1) + " in " + targets);
    }
    assertEquals(3 - Integer.parseInt(meeting.group(1)), belowCount, report);
    assertEquals(belowCount > 0, targets.contains("Dưới mục tiêu: "), targets);
    // Kon Chiêng's criteria set gives its groups no targets: said so, not "0 / 0".
    assertTrue(!GROUPS_MEETING.matcher(officer.get("/dashboard/c/kon-chieng/report").body()).find());
    assertTrue(cellHtml(page, "kon-chieng", "targets").contains("chưa đặt mục tiêu"), cellHtml(page, "kon-chieng", "targets"));
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      String[] vneid = vneidOnReport(officer, commune);
      CommuneFigures figures = fromCommunePages(officer, commune);
      assertEquals(String.valueOf(figures.households()), vneid[1], commune);
      assertEquals(vneid[2], cell(page, commune, "vneid"), commune);
      assertTrue(cellHtml(page, commune, "vneid").contains("(" + vneid[0] + ")"), commune);
      assertTrue(Integer.parseInt(vneid[0]) > 0, "the demo has households with VNeID level 2 in " + commune);
    }
    // Both new columns sort.
    assertEquals(200, officer.get("/dashboard/provinces/" + PROVINCE + "?sort=targets&dir=desc").statusCode());
    List<String> byVneid = communeOrder(officer.get("/dashboard/provinces/" + PROVINCE + "?sort=vneid&dir=asc").body());
    assertTrue(Double.parseDouble(cell(page, byVneid.get(0), "vneid")) <= Double.parseDouble(cell(page, byVneid.get(1), "vneid")));
  }

  /** The province trend's rows: month → {recognised, sessions held}. */
  static java.util.LinkedHashMap<String, int[]> trend(String page) {
    java.util.LinkedHashMap<String, int[]> out = new java.util.LinkedHashMap<>();
    Matcher m = Pattern.compile("<tr><th scope=\"row\">([0-9/]+)</th><td class=\"num recognised\">(\\d+)</td>"
        + "<td class=\"num held\">(\\d+)</td></tr>").matcher(page);
    while (m.find()) {
      out.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
    }
    return out;
  }

  @Test
  void theTwelveMonthTrendEndsWithThisMonthsFiguresAndSumsTheCommunes() throws Exception {
    String page = officer.get("/dashboard/provinces/" + PROVINCE).body();
    var trend = trend(page);
    assertEquals(12, trend.size(), page);
    List<String> months = new ArrayList<>(trend.keySet());
    assertEquals("12/2025", months.get(0));
    assertEquals("11/2026", months.get(11));
    // This month: the table's recognised households and sessions held, summed over the communes.
    int recognised = 0;
    int held = 0;
    int[] summed = new int[12 * 2];
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      CommuneFigures figures = fromCommunePages(officer, commune);
      recognised += figures.recognised();
      held += Integer.parseInt(cell(page, commune, "sessions").split(" / ")[0]);
      JsonNode reportMonths = JSON.readTree(officer.get("/dashboard/api/c/" + commune + "/report").body()).get("months");
      for (int i = 0; i < 12; i++) {
        summed[2 * i] += reportMonths.get(i).get("recognised").asInt();
        summed[2 * i + 1] += reportMonths.get(i).get("sessionsHeld").asInt();
      }
    }
    assertEquals(recognised, trend.get("11/2026")[0]);
    assertEquals(held, trend.get("11/2026")[1]);
    // Every month is the sum of what the communes' own reports say for it.
    for (int i = 0; i < 12; i++) {
      assertEquals(summed[2 * i], trend.get(months.get(i))[0], months.get(i));
      assertEquals(summed[2 * i + 1], trend.get(months.get(i))[1], months.get(i));
    }
    assertTrue(trend.values().stream().filter(v -> v[1] > 0).count() >= 6, "the demo's history shows in the trend");
  }

  @Test
  void theChartsHaveTitlesAxisNamesTicksAndValues() throws Exception {
    String page = officer.get("/dashboard/provinces/" + PROVINCE).body();
    var trend = trend(page);
    for (String id : List.of("chart-province-trend-recognised", "chart-province-trend-sessions")) {
      Matcher svg = Pattern.compile("<svg [^>]*id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(page);
      assertTrue(svg.find(), id);
      String chart = svg.group();
      assertTrue(chart.contains("<title id=\"" + id + "-title\">"), chart);
      assertTrue(chart.contains("class=\"axis-label\"") && chart.contains(">Tháng</text>"), chart);
      assertTrue(chart.contains(id.endsWith("recognised") ? ">Số hộ</text>" : ">Số buổi</text>"), chart);
      assertTrue(chart.contains("class=\"tick\"") && chart.contains(">0</text>"), chart);
      // One column per month, labelled with the month and topped with its value.
      assertEquals(12, count(chart, "<rect class=\"column\""), chart);
      assertTrue(chart.contains("class=\"label\"") && chart.contains(">11/2026</text>"), chart);
      int last = trend.get("11/2026")[id.endsWith("recognised") ? 0 : 1];
      assertTrue(chart.contains("<title>11/2026: " + last + "</title>"), chart);
      assertTrue(chart.contains("class=\"value\"") && chart.contains(">" + last + "</text>"), chart);
    }
    // The per-commune bar charts have a value axis with its name.
    for (String id : List.of("chart-province-recognised", "chart-province-vneid")) {
      Matcher svg = Pattern.compile("<svg [^>]*id=\"" + id + "\".*?</svg>", Pattern.DOTALL).matcher(page);
      assertTrue(svg.find(), id);
      assertTrue(svg.group().contains(">Tỷ lệ (%)</text>") && svg.group().contains(">100</text>"), svg.group());
      assertTrue(svg.group().contains(">" + cell(page, "an-tuong", id.endsWith("vneid") ? "vneid" : "percent") + "</text>")
          || svg.group().contains(">" + cell(page, "an-tuong", id.endsWith("vneid") ? "vneid" : "percent").replaceAll("\\.0$", "")
          + "</text>"), svg.group());
    }
    // The commune report draws its own trend, ending with this month's recognised households.
    String report = officer.get("/dashboard/c/an-tuong/report").body();
    JsonNode months = JSON.readTree(officer.get("/dashboard/api/c/an-tuong/report").body()).get("months");
    Matcher commune = Pattern.compile("<svg [^>]*id=\"chart-trend-recognised\".*?</svg>", Pattern.DOTALL).matcher(report);
    assertTrue(commune.find(), report);
    assertTrue(commune.group().contains("<title>11/2026: " + months.get(11).get("recognised").asInt() + "</title>"),
        commune.group());
    assertTrue(report.contains("id=\"chart-trend-sessions\""));
  }

  @Test
  void inEnglishTheHeadingsAndGroupNamesAreEnglish() throws Exception {
    StaffClient english = StaffClient.signedIn(hub, "tinh-gl", PASSWORD);
    english.get("/language/en?back=/dashboard");
    String page = english.get("/dashboard/provinces/" + PROVINCE).body();
    assertTrue(page.contains("Target groups meeting target") && page.contains("% households with VNeID level 2"), page);
    assertTrue(page.contains(">Month</text>") && page.contains("last 12 months"), page);
    assertTrue(!page.contains("Nhóm đạt mục tiêu"), page);
    String targets = cellHtml(page, "an-tuong", "targets");
    if (targets.contains("Below target")) {
      assertTrue(targets.contains("Families"), targets);
    }
    String report = english.get("/dashboard/c/an-tuong/report").body();
    assertTrue(report.contains("Target groups meeting their target: ") && report.contains("Families of officials"), report);
    assertTrue(!report.contains("Gia đình cán bộ"), report);
  }
}
