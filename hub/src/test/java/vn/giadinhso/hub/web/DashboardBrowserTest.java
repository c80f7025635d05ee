package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!"1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
      Assumptions.assumeTrue(present,
          "browser tests skipped: install chromium and chromium-driver (apt) or set REQUIRE_SYSTEM_TESTS=1 to fail instead");
    }
    assertTrue(present, "REQUIRE_SYSTEM_TESTS=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.schedule.savePoint(new SupportPoint("an-tuong-xom-moi", "an-tuong", "Điểm xóm Mới", "Nhà trưởng xóm", 3));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-extensions", "--disable-component-update",
        "--disable-default-apps", "--no-first-run", "--lang=vi");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    // "localhost" is a secure context for Chromium, so it keeps our Secure cookies over plain HTTP.
    base = "http://localhost:" + hub.http.port();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (hub != null) {
      hub.close();
    }
  }

  /**
   * Clicks a form's button and waits until the next page has loaded: reading right after a click
   * may otherwise find the old page's elements, which go stale under the test's hands. The old
   * page is marked with a window property that a new document does not have; while the browser
   * is between documents, a script call may fail, which only means "not yet".
   */
  private static void submit(WebElement button) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.gdsBeforeSubmit = true;");
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return window.gdsBeforeSubmit === undefined && document.readyState === 'complete';")));
  }

  @Test
  void staffPlanAMonthVerifyACriterionExportAndPrintCards() throws Exception {
    // Log in.
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("can-bo-a");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(browser.findElement(By.id("login-submit")));
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
