package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 12, in real headless Chromium: staff type "tran" in the households search, with the
 * keyboard, and see "Trần …"; typed with diacritics it finds the same. Skips (with the reason)
 * when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class HouseholdSearchBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;
  static WebDriver browser;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Trần Văn Bình,Trần Văn Bình (052190012345),,\n"
        + "AT-T2-0002,Thôn Hội Long,Đặng Thị Ngọc,Đặng Thị Ngọc (052195012377),,\n"
        + "AT-T1-0003,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012348),,\n");
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
    base = chromium.base();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  private static List<String> headsShown() {
    return browser.findElements(By.cssSelector("#households tbody tr td:nth-child(2)")).stream()
        .map(WebElement::getText).toList();
  }

  /** Types into the search box and presses Enter, as staff do, then waits for the results page. */
  private static void search(String text) {
    WebElement box = browser.findElement(By.id("household-query"));
    box.clear();
    box.sendKeys(text, Keys.ENTER);
    // Wait for the results page by its address, not by the old box going stale: while Chromium swaps
    // documents, asking the old element anything can fail with an inspector error instead of "stale".
    String wanted = "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(d -> d.getCurrentUrl().endsWith(wanted)
            && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
            && text.equals(d.findElement(By.id("household-query")).getAttribute("value")));
  }

  @Test
  void typingTranWithoutDiacriticsFindsTran() {
    browser.get(base + "/login");
    browser.findElement(By.id("username")).sendKeys("can-bo-a");
    browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*/dashboard/c/an-tuong$"));
    browser.get(base + "/dashboard/c/an-tuong/households");
    // The box has a label a screen reader reads.
    assertEquals("household-query", browser.findElement(By.cssSelector("label input[name=q]")).getAttribute("id"));

    search("tran");
    assertEquals(List.of("Trần V. B."), headsShown(), "names are shown masked, found without diacritics");

    search("Đặng");
    assertEquals(List.of("Đặng T. N."), headsShown());

    search("DANG");
    assertEquals(List.of("Đặng T. N."), headsShown());
  }
}
