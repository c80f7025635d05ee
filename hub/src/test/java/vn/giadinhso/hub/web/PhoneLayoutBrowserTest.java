package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;

/**
 * Issue 12's "works on a phone" in real headless Chromium: at 360×740 and at 1280×900 the
 * overview, households, schedule, report and province pages do not scroll sideways, the
 * navigation stays one row, text is at least 16 px with 4.5:1 contrast, controls are thumb-sized
 * on the phone, and keyboard focus shows. Skips (with the reason) when chromium or chromedriver is
 * missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class PhoneLayoutBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final List<String> PAGES = List.of("/dashboard/c/an-tuong", "/dashboard/c/an-tuong/households",
      "/dashboard/c/an-tuong/schedule", "/dashboard/c/an-tuong/report", "/dashboard/provinces/52",
      "/dashboard/c/an-tuong/teams");

  /** Text elements whose colour has less than 4.5:1 contrast with the background they sit on. */
  static final String LOW_CONTRAST = """
      function lum(c) {
        const m = c.match(/[\\d.]+/g).map(Number);
        const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]);
      }
      function background(el) {
        for (let e = el; e; e = e.parentElement) {
          const b = getComputedStyle(e).backgroundColor;
          const a = b.match(/[\\d.]+/g).map(Number);
          if (a.length < 4 || a[3] > 0) return b;
        }
        return 'rgb(255, 255, 255)';
      }
      const bad = [];
      for (const el of document.querySelectorAll('header *, main *')) {
        if (el.closest('svg') || !el.getClientRects().length) continue;
        const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
        if (!text) continue;
        const l1 = lum(getComputedStyle(el).color), l2 = lum(background(el));
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        if (ratio < 4.5) bad.push(el.tagName + '.' + el.className + ' "' + text.slice(0, 30) + '" ' + ratio.toFixed(2));
      }
      return bad;
      """;

  /** Visible text (outside charts) set smaller than 16 px. */
  static final String SMALL_TEXT = """
      const bad = [];
      for (const el of document.querySelectorAll('header *, main *')) {
        if (el.closest('svg') || !el.getClientRects().length) continue;
        const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
        if (text && parseFloat(getComputedStyle(el).fontSize) < 16) bad.push(el.tagName + ' "' + text.slice(0, 30) + '"');
      }
      return bad;
      """;

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    chromium = HeadlessChromium.startOrSkip(hub);
    chromium.signIn("tinh-gl", PASSWORD);
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void onAPhoneNoPageScrollsSidewaysAndTheNavigationStaysOneRow() throws Exception {
    checkEveryPage(360, 740);
  }

  @Test
  void onADesktopTheSame() throws Exception {
    checkEveryPage(1280, 900);
  }

  private void checkEveryPage(int width, int height) throws Exception {
    chromium.resize(width, height);
    for (String path : PAGES) {
      chromium.open(path);
      screenshot(path, width);
      String where = path + " at " + width + " px";
      assertEquals(200L, ((Number) chromium.script("return performance.getEntriesByType('navigation')[0].responseStatus;"))
          .longValue(), where);
      long scrollWidth = ((Number) chromium.script("return document.documentElement.scrollWidth;")).longValue();
      long innerWidth = ((Number) chromium.script("return window.innerWidth;")).longValue();
      assertTrue(scrollWidth <= innerWidth, where + ": the page is " + scrollWidth + " px wide in a " + innerWidth + " px window");

      // The navigation: every link on one row, the row less than two links high.
      @SuppressWarnings("unchecked")
      Map<String, Object> nav = (Map<String, Object>) chromium.script("""
          const nav = document.querySelector('header nav');
          const links = [...nav.querySelectorAll('a')];
          return {height: nav.getBoundingClientRect().height, link: links[0].getBoundingClientRect().height,
                  rows: new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size, links: links.length};
          """);
      double navHeight = ((Number) nav.get("height")).doubleValue();
      double linkHeight = ((Number) nav.get("link")).doubleValue();
      assertEquals(1L, ((Number) nav.get("rows")).longValue(), where + ": " + nav);
      assertTrue(navHeight < 2 * linkHeight, where + ": the navigation is " + navHeight + " px high, a link " + linkHeight);
      assertTrue(linkHeight >= 44, where + ": navigation links are thumb-sized: " + linkHeight);
      // The header's first row (brand, language, sign-out) does not wrap either.
      long headerRows = ((Number) chromium.script("""
          const items = ['.brand', '.language', '.account-menu'].map(s => document.querySelector('header ' + s));
          return new Set(items.map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2 ))).size;
          """)).longValue();
      assertEquals(1L, headerRows, where + ": the header's first row wraps");

      assertEquals(List.of(), chromium.script(SMALL_TEXT), where + ": text under 16 px");
      assertEquals(List.of(), chromium.script(LOW_CONTRAST), where + ": text under 4.5:1 contrast");
    }
  }

  @Test
  void formsAreThumbSizedOnAPhone() {
    chromium.resize(360, 740);
    chromium.open("/dashboard/c/an-tuong/households");
    for (String css : List.of("#household-query", "form[role=search] button", "header .account-menu summary")) {
      double h = ((Number) chromium.script("return arguments[0].getBoundingClientRect().height;", chromium.find(css))).doubleValue();
      assertTrue(h >= 44, css + " is " + h + " px high");
    }
  }

  @Test
  void keyboardFocusShowsAndTheSkipLinkLeadsToTheContent() {
    chromium.resize(360, 740);
    chromium.open("/dashboard/c/an-tuong");
    chromium.find("body").sendKeys(Keys.TAB);
    WebElement focused = chromium.driver().switchTo().activeElement();
    assertEquals("skip", focused.getAttribute("class"));
    assertTrue(focused.isDisplayed() && focused.getRect().getX() >= 0, "the skip link shows when focused");
    assertTrue(!"none".equals(focused.getCssValue("outline-style")) && !focused.getCssValue("outline-width").startsWith("0"),
        "focus outline: " + focused.getCssValue("outline-style") + " " + focused.getCssValue("outline-width"));
    focused.sendKeys(Keys.TAB);
    WebElement next = chromium.driver().switchTo().activeElement();
    assertEquals("brand", next.getAttribute("class"));
    assertTrue(!"none".equals(next.getCssValue("outline-style")), "focus shows on the blue header too");
    // Every figure of the overview is reached by keyboard through its link.
    assertTrue(chromium.driver().findElements(By.cssSelector("#overview-figures .figure a")).size() >= 7);
  }

  @Test
  void theAccountMenuOpensByKeyboardAndSignsOut() {
    chromium.resize(360, 740);
    chromium.open("/dashboard/c/an-tuong");
    WebElement signOut = chromium.find("header .logout button");
    assertTrue(!signOut.isDisplayed(), "sign-out waits in the account menu");
    chromium.find("header .account-menu summary").sendKeys(Keys.ENTER);
    assertTrue(signOut.isDisplayed());
    assertTrue(signOut.getRect().getHeight() >= 44, "thumb-sized: " + signOut.getRect().getHeight());
    assertTrue(chromium.find("header .account-menu .menu a[href='/dashboard/account']").isDisplayed());
    long right = ((Number) chromium.script("return document.querySelector('header .account-menu .menu').getBoundingClientRect().right;")).longValue();
    assertTrue(right <= 360, "the open menu stays on the screen: " + right);
    chromium.follow(signOut);
    assertTrue(chromium.driver().getCurrentUrl().endsWith("/login"), chromium.driver().getCurrentUrl());
    chromium.signIn("tinh-gl", PASSWORD);
  }

  /** For a person reviewing the layout: -Dgds.screenshots=DIR keeps a picture of each page. */
  private static void screenshot(String path, int width) throws Exception {
    String to = System.getProperty("gds.screenshots");
    if (to != null) {
      byte[] png = ((TakesScreenshot) chromium.driver()).getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(Path.of(to));
      Files.write(Path.of(to, width + path.replace('/', '_') + ".png"), png);
    }
  }
}
