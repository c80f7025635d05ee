package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.protocol.HouseholdQr;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * The dashboard in real headless Chromium. Skips (with the reason) when chromium or chromedriver
 * is missing, unless REQUIRE_SYSTEM_TESTS=1, where a missing browser fails the build.
 */
class DashboardBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.schedule.savePoint(new SupportPoint("an-tuong-xom-moi", "an-tuong", "Điểm xóm Mới", "Nhà trưởng xóm", 3));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
    base = chromium.base();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  private static void submit(WebElement button) {
    chromium.follow(button);
  }

  @Test
  void staffPlanAMonthVerifyACriterionExportAndPrintCards() throws Exception {
    // Log in.
    chromium.signIn("can-bo-a", PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/an-tuong"), browser.getCurrentUrl());

    // A month of sessions with the recurrence helper: every Tuesday and Saturday.
    YearMonth month = hub.hub.schedules.currentMonth().plusMonths(2);
    browser.get(base + "/dashboard/c/an-tuong/points/" + TestHub.POINT + "?month=" + month);
    WebElement form = browser.findElement(By.id("recurrence-form"));
    form.findElement(By.id("day-TUESDAY")).click();
    form.findElement(By.id("day-SATURDAY")).click();
    form.findElement(By.name("topic")).sendKeys("Cài đặt và kích hoạt VNeID mức độ 2");
    form.findElement(By.name("trainer")).sendKeys("Đoàn Thanh niên xã");
    submit(form.findElement(By.id("recurrence-submit")));
    int rows = browser.findElements(By.cssSelector("#sessions tr.session")).size();
    assertTrue(rows >= 8, "sessions in the month view: " + rows);

    // Compliance: this point is fine, the new point is flagged under the minimum.
    browser.get(base + "/dashboard/c/an-tuong/schedule?month=" + month);
    assertTrue(browser.findElement(By.id("point-" + TestHub.POINT)).getText().contains("Đạt"));
    assertTrue(browser.findElement(By.id("point-an-tuong-xom-moi")).getText().contains("Dưới mức tối thiểu"));

    // Verify a declared criterion.
    browser.get(base + "/dashboard/c/an-tuong/declarations");
    int before = Integer.parseInt(browser.findElement(By.id("declaration-count")).getText());
    assertTrue(before > 0);
    WebElement first = browser.findElement(By.cssSelector("#declarations tbody tr"));
    first.findElement(By.name("note")).sendKeys("Đã kiểm tra trên điện thoại của hộ");
    submit(first.findElement(By.cssSelector("button.verify")));
    assertEquals(before - 1, Integer.parseInt(browser.findElement(By.id("declaration-count")).getText()));

    // Downloads, with the browser's own session.
    browser.get(base + "/dashboard/c/an-tuong/report");
    assertTrue(browser.findElement(By.id("chart-groups")).isDisplayed());
    String cookie = DashboardAccess.COOKIE + "=" + browser.manage().getCookieNamed(DashboardAccess.COOKIE).getValue();
    byte[] csv = download(browser.findElement(By.id("download-csv")).getAttribute("href"), cookie);
    assertEquals((byte) 0xEF, csv[0]);
    assertTrue(new String(csv, StandardCharsets.UTF_8).contains("Xã Ân Tường"));
    byte[] xlsx = download(browser.findElement(By.id("download-xlsx")).getAttribute("href"), cookie);
    try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      assertEquals("Xã Ân Tường", workbook.getFirstSheet().read().get(1).getCellText(0));
    }

    // Print a village's QR cards and decode one.
    String cards = browser.findElements(By.cssSelector("a.print-cards")).get(0).getAttribute("href");
    String payload = ReportTest.firstQr(download(cards, cookie));
    assertTrue(HouseholdQr.verify(payload, hub.hub.secrets.signingKeys().getPublic()).isPresent(), payload);
  }

  private static byte[] download(String url, String cookie) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), url);
    return response.body();
  }
}
