package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  private static void follow(WebElement element) {
    chromium.follow(element);
  }

  private static List<String> communeRows() {
    return browser.findElements(By.cssSelector("#province-communes tbody tr")).stream()
        .map(r -> r.getAttribute("data-commune")).toList();
  }

  @Test
  void anOfficerOpensTheProvinceSeesBothCommunesSortsAndDrillsDown() {
    chromium.signIn("tinh-gl", PASSWORD);

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

  @Test
  void communeStaffCannotOpenTheProvinceOrAnotherCommune() {
    chromium.signIn("can-bo-a", PASSWORD);
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/an-tuong"), browser.getCurrentUrl());
    assertTrue(browser.findElements(By.cssSelector("a[href^='/dashboard/provinces/']")).isEmpty(),
        "no link to a province page for commune staff");

    chromium.open("/dashboard/provinces/52");
    assertTrue(browser.findElement(By.id("error-message")).getText().contains("Bạn không có quyền xem tỉnh này"),
        browser.findElement(By.tagName("main")).getText());
    assertTrue(browser.findElements(By.id("province-communes")).isEmpty());

    chromium.open("/dashboard/c/kon-chieng");
    assertTrue(browser.findElement(By.id("error-message")).getText().contains("Bạn không có quyền xem xã này"),
        browser.findElement(By.tagName("main")).getText());
    assertTrue(browser.findElement(By.tagName("main")).getText().contains("Kon Chiêng") == false,
        "nothing of the other commune is shown");
  }
}
