package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import vn.giadinhso.hub.demo.DemoData;

/**
 * Issue 12 in real headless Chromium: a province officer signs in, opens the province page from
 * the home page, sees both demo communes, sorts, and clicks through to one. Skips (with the
 * reason) when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class ProvinceBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() {
    boolean present = Files.isExecutable(DashboardBrowserTest.CHROMIUM) && Files.isExecutable(DashboardBrowserTest.CHROMEDRIVER);
    if (!"1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
      Assumptions.assumeTrue(present,
          "browser tests skipped: install chromium and chromium-driver (apt) or set REQUIRE_SYSTEM_TESTS=1 to fail instead");
    }
    assertTrue(present, "REQUIRE_SYSTEM_TESTS=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing");
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(DashboardBrowserTest.CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-extensions", "--disable-component-update",
        "--disable-default-apps", "--no-first-run", "--lang=vi");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DashboardBrowserTest.CHROMEDRIVER.toString())).usingAnyFreePort().build();
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

  /** Follows a link or button and waits for the next document (see DashboardBrowserTest.submit). */
  private static void follow(WebElement element) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.gdsBeforeSubmit = true;");
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
        .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
            "return window.gdsBeforeSubmit === undefined && document.readyState === 'complete';")));
  }

  private static List<String> communeRows() {
    return browser.findElements(By.cssSelector("#province-communes tbody tr")).stream()
        .map(r -> r.getAttribute("data-commune")).toList();
  }

  @Test
  void anOfficerOpensTheProvinceSeesBothCommunesSortsAndDrillsDown() {
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("tinh-gl");
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    follow(browser.findElement(By.id("login-submit")));

    follow(browser.findElement(By.cssSelector("#provinces a[href='/dashboard/provinces/52']")));
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/provinces/52"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Gia Lai"));
    List<String> rows = communeRows();
    assertEquals(2, rows.size(), rows.toString());
    assertTrue(rows.containsAll(List.of("an-tuong", "kon-chieng")), rows.toString());
    assertTrue(browser.findElement(By.id("chart-province-recognised")).isDisplayed());

    // Sort by households, then the other way: the same link, reached by keyboard like any link.
    follow(browser.findElement(By.cssSelector("a.sort[data-sort='households']")));
    List<String> ascending = communeRows();
    WebElement header = browser.findElement(By.cssSelector("a.sort[data-sort='households']"));
    assertEquals("ascending", header.findElement(By.xpath("..")).getAttribute("aria-sort"));
    follow(header);
    List<String> descending = communeRows();
    assertEquals(ascending.get(0), descending.get(1));
    assertEquals("descending", browser.findElement(By.cssSelector("a.sort[data-sort='households']"))
        .findElement(By.xpath("..")).getAttribute("aria-sort"));

    // Drill down to one commune.
    follow(browser.findElement(By.cssSelector("#province-communes tr[data-commune='kon-chieng'] th a")));
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/kon-chieng"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Kon Chiêng"), browser.findElement(By.tagName("h1")).getText());
  }
}
