package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;

/**
 * The list for action on the phone (issue 15) in headless Chromium at 360×740: a team member sees
 * the members of its own village without VNeID level 2 (masked), still sees them after a reload
 * without signal, opens one, verifies VNeID level 2 on the spot, and once the record reaches the
 * hub that member leaves the list. Skips (with the reason) when chromium or chromedriver is
 * missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldListBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

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
    hub.hub.users.create("doi-a", PASSWORD, Assignment.field("an-tuong", List.of("Thôn Tân Thành")));
    chromium = HeadlessChromium.startOrSkip(hub);
    chromium.resize(360, 740);
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void theListOpensOfflineAndAMemberVerifiedOnTheSpotLeavesIt() {
    chromium.signIn("doi-a", PASSWORD);
    waitFor("window.gdsField && window.gdsField.ready && navigator.serviceWorker.controller !== null");
    waitFor("document.getElementById('without-vneid-count').textContent === '3'");
    chromium.find("#without-vneid-button").click();
    assertEquals(List.of("Nguyễn V. An **********45", "Trần T. Bình **********76", "Đặng T. Hồng **********55"), listed(),
        "Tân Thành's members, masked; never Thôn Hai's");

    network(false);
    try {
      waitFor("navigator.onLine === false");
      chromium.driver().navigate().refresh();
      waitFor("window.gdsField && window.gdsField.ready");
      chromium.find("#without-vneid-button").click();
      assertEquals(3, listed().size(), "the cached list opens without signal");

      chromium.find("#without-vneid-list li:nth-child(2) button").click();
      waitFor("document.getElementById('member-1').checked");
      chromium.find("#vneid-save").click();
      waitFor("document.getElementById('outbox-count').textContent === '1'");
    } finally {
      network(true);
    }
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> binhActivated());
    waitFor("document.getElementById('without-vneid-count').textContent === '2'");
    chromium.find("#back").click();
    assertEquals(List.of("Nguyễn V. An **********45", "Đặng T. Hồng **********55"), listed(), "refreshed with signal");
    assertTrue((Long) chromium.script("return document.documentElement.scrollWidth;") <= 360, "no sideways scrolling");
  }

  private List<String> listed() {
    waitFor("!document.getElementById('without-vneid').hidden");
    return chromium.driver().findElements(By.cssSelector("#without-vneid-list li[data-code] strong")).stream()
        .map(e -> e.getText().trim()).toList();
  }

  private static boolean binhActivated() {
    return hub.hub.people.household("an-tuong", "AT-T1-0001").stream()
        .anyMatch(m -> m.maskedName().equals("Trần T. Bình") && m.vneidLevel2());
  }

  private void network(boolean online) {
    HasCdp cdp = (HasCdp) chromium.driver();
    cdp.executeCdpCommand("Network.enable", Map.of());
    cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private void waitFor(String condition) {
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(15)).ignoring(WebDriverException.class)
        .withMessage(() -> condition + "; on screen: " + chromium.script(
            "return document.getElementById('message').textContent + ' | errors: ' + (window.gdsErrors || []).join('; ');"))
        .until(d -> Boolean.TRUE.equals(chromium.script("return !!(" + condition + ");")));
  }
}
