package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import vn.giadinhso.hub.auth.Assignment;

/**
 * Accounts and units in real headless Chromium, two browsers (two cookie jars): an admin disables
 * an account and that account's open session ends on its next page; an admin uploads a units file.
 */
class AccountsBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static WebDriver adminBrowser;
  static WebDriver staffBrowser;
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
    hub.hub.users.create("quan-tri", PASSWORD, Assignment.admin());
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    adminBrowser = chromium();
    staffBrowser = chromium();
    base = "http://localhost:" + hub.http.port();
  }

  private static WebDriver chromium() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-extensions", "--disable-component-update",
        "--disable-default-apps", "--no-first-run", "--lang=vi");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    WebDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return browser;
  }

  @AfterAll
  static void stop() {
    for (WebDriver b : new WebDriver[] {adminBrowser, staffBrowser}) {
      if (b != null) {
        b.quit();
      }
    }
    if (hub != null) {
      hub.close();
    }
  }

  /** Clicks and waits for the next document (see DashboardBrowserTest.submit). */
  private static void submit(WebDriver browser, WebElement button) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.gdsBeforeSubmit = true;");
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return window.gdsBeforeSubmit === undefined && document.readyState === 'complete';")));
  }

  private static void signIn(WebDriver browser, String username) {
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(browser, browser.findElement(By.id("login-submit")));
  }

  @Test
  void anAdminDisablesAnAccountAndItsOpenSessionEndsOnItsNextPage() {
    signIn(staffBrowser, "can-bo-a");
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/dashboard/c/an-tuong"), staffBrowser.getCurrentUrl());

    signIn(adminBrowser, "quan-tri");
    adminBrowser.get(base + "/dashboard/users");
    adminBrowser.findElement(By.linkText("can-bo-a")).click();
    assertTrue(adminBrowser.findElement(By.id("account-state")).getText().contains("Hoạt động"));
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#disable-form button")));
    assertTrue(adminBrowser.findElement(By.id("account-state")).getText().contains("Đã khoá"),
        adminBrowser.findElement(By.id("account-state")).getText());

    staffBrowser.get(base + "/dashboard/c/an-tuong/households");
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/login"), "signed out: " + staffBrowser.getCurrentUrl());
    staffBrowser.findElement(By.id("username")).sendKeys("can-bo-a");
    staffBrowser.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(staffBrowser, staffBrowser.findElement(By.id("login-submit")));
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/login"), "a disabled account cannot sign in again");
  }

  @Test
  void anAdminUploadsAUnitsFileAndSeesItsProblemsOrItsRows() throws Exception {
    signIn(adminBrowser, "quan-tri");
    String header = "province_code,province_name,commune_code,commune_name,commune_id,source\n";
    Path bad = dir.resolve("loi.csv");
    Files.writeString(bad, header + "52,Gia Lai,,Ân Tường,an-tuong,\n", StandardCharsets.UTF_8);
    adminBrowser.get(base + "/dashboard/units");
    adminBrowser.findElement(By.name("file")).sendKeys(bad.toString());
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#units-form button")));
    String problems = adminBrowser.findElement(By.id("units-problems")).getText();
    assertTrue(problems.contains("2: source is required"), problems);

    Path good = dir.resolve("don-vi.csv");
    Files.writeString(good, header + "52,Gia Lai,,Xã Ia Thử,,Tệp thử của bài kiểm tra\n", StandardCharsets.UTF_8);
    adminBrowser.findElement(By.name("file")).sendKeys(good.toString());
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#units-form button")));
    assertTrue(adminBrowser.findElement(By.id("units-imported")).getText().contains("1 xã"));
    String province = adminBrowser.findElement(By.id("province-52")).getText();
    assertTrue(province.contains("Xã Ia Thử") && province.contains("ia-thu") && province.contains("chưa biết"), province);
    assertTrue(adminBrowser.findElement(By.id("unit-imports")).getText().contains("Tệp thử của bài kiểm tra"));
    assertEquals("52", hub.hub.units.commune("ia-thu").orElseThrow().provinceCode());
  }
}
