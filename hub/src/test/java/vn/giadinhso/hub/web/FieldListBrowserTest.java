package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;

/**
 * The list for action on the phone (issue 15) in headless Chromium at 360×740: a team member sees
 * the members of its own village without VNeID level 2 (masked), still sees them after a reload
 * without signal, opens one, verifies VNeID level 2 on the spot, and once the record reaches the
 * hub that member leaves the list. Skips (with the reason) when chromium or chromedriver is
 * missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldListBrowserTest {

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345); Trần Thị Bình (052195012376),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Đặng Thị Hồng,Đặng Thị Hồng (052196004455),,\n"
        + "AT-T2-0001,Thôn Hai,Lê Văn Cường,Lê Văn Cường (052188001122),,\n");
    chromium = FieldPhone.start(hub);
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void theListOpensOfflineAndAMemberVerifiedOnTheSpotLeavesIt() {
    chromium.signIn(FieldPhone.ACCOUNT, FieldPhone.PASSWORD);
    FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready && navigator.serviceWorker.controller !== null");
    FieldPhone.waitFor(chromium, "document.getElementById('without-vneid-count').textContent === '3'");
    chromium.find("#without-vneid-button").click();
    assertEquals(List.of("Nguyễn V. An **********45", "Trần T. Bình **********76", "Đặng T. Hồng **********55"), listed(),
        "Tân Thành's members, masked; never Thôn Hai's");

    FieldPhone.network(chromium, false);
    try {
      FieldPhone.waitFor(chromium, "navigator.onLine === false");
      chromium.driver().navigate().refresh();
      FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready");
      chromium.find("#without-vneid-button").click();
      assertEquals(3, listed().size(), "the cached list opens without signal");

      chromium.find("#without-vneid-list li:nth-child(2) button").click();
      FieldPhone.waitFor(chromium, "document.getElementById('member-1').checked");
      chromium.find("#vneid-save").click();
      FieldPhone.waitFor(chromium, "document.getElementById('outbox-count').textContent === '1'");
    } finally {
      FieldPhone.network(chromium, true);
    }
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> binhActivated());
    FieldPhone.waitFor(chromium, "document.getElementById('without-vneid-count').textContent === '2'");
    chromium.find("#back").click();
    assertEquals(List.of("Nguyễn V. An **********45", "Đặng T. Hồng **********55"), listed(), "refreshed with signal");
    assertTrue((Long) chromium.script("return document.documentElement.scrollWidth;") <= 360, "no sideways scrolling");
  }

  private List<String> listed() {
    FieldPhone.waitFor(chromium, "!document.getElementById('without-vneid').hidden");
    return chromium.driver().findElements(By.cssSelector("#without-vneid-list li[data-code] strong")).stream()
        .map(e -> e.getText().trim()).toList();
  }

  private static boolean binhActivated() {
    return hub.hub.people.household("an-tuong", "AT-T1-0001").stream()
        .anyMatch(m -> m.maskedName().equals("Trần T. Bình") && m.vneidLevel2());
  }

}
