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
import vn.giadinhso.hub.field.FieldRecordKind;

/**
 * Issue 15's field app in real headless Chromium at a phone's size (360×740): a team member signs
 * in, loses signal (DevTools network emulation), records two home visits, reloads the app still
 * offline, and when the signal is back the hub has both visits, once each. Skips (with the
 * reason) when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldAppBrowserTest {
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
  void twoVisitsRecordedOfflineReachTheHubOnceWhenTheSignalIsBack() {
    chromium.signIn("doi-a", PASSWORD);
    assertTrue(chromium.driver().getCurrentUrl().endsWith("/field/"), chromium.driver().getCurrentUrl());
    waitFor("window.gdsField && window.gdsField.ready && navigator.serviceWorker.controller !== null");
    assertEquals(List.of("AT-T1-0001", "AT-T1-0002"), listed(), "its village's households, not Thôn Hai's");
    assertPhoneSized(chromium);

    network(false);
    waitFor("navigator.onLine === false");
    recordVisit("nguyen van an", "AT-T1-0001");
    recordVisit("dang hong", "AT-T1-0002");
    waitFor("document.getElementById('outbox-count').textContent === '2'");
    assertEquals(0, visitsAtHub(), "nothing reached the hub offline");

    chromium.driver().navigate().refresh();
    waitFor("window.gdsField && window.gdsField.ready");
    assertEquals("2", chromium.find("#outbox-count").getText(), "the outbox survives a reload");
    assertEquals(List.of("AT-T1-0001", "AT-T1-0002"), listed(), "the cached roster opens offline");

    network(true);
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> visitsAtHub() == 2);
    waitFor("document.getElementById('outbox-count').textContent === '0'");
    chromium.script("return window.gdsField.sync();");
    assertEquals(2, visitsAtHub(), "once each");
  }

  private void recordVisit(String search, String code) {
    var field = chromium.find("#search");
    field.clear();
    field.sendKeys(search);
    waitFor("document.querySelectorAll('#households li[data-code]').length === 1");
    chromium.find("#households li[data-code='" + code + "'] button").click();
    chromium.find("#member-0").click();
    chromium.find("#topics input[value='vneid']").click();
    chromium.find("#can-do-alone").sendKeys("Tự mở VNeID");
    chromium.find("#visit-save").click();
    waitFor("document.getElementById('message').dataset.kind === 'good'");
    chromium.script("document.getElementById('message').dataset.kind = '';");
    chromium.find("#back").click();
  }

  private List<String> listed() {
    chromium.find("#search").clear();
    chromium.script("document.getElementById('search').dispatchEvent(new Event('input'));");
    return chromium.driver().findElements(By.cssSelector("#households li[data-code]")).stream()
        .map(e -> e.getAttribute("data-code")).toList();
  }

  /** Nothing wider than the phone; text at least 18 px; every control at least 48 px tall. */
  static void assertPhoneSized(HeadlessChromium chromium) {
    assertTrue((Long) chromium.script("return document.documentElement.scrollWidth;") <= 360, "no sideways scrolling");
    @SuppressWarnings("unchecked") List<String> small = (List<String>) chromium.script("""
        const bad = [];
        for (const el of document.querySelectorAll('body *')) {
          if (!el.getClientRects().length) continue;
          const text = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent.trim()).join('');
          if (text && parseFloat(getComputedStyle(el).fontSize) < 18) bad.push(el.tagName + ' ' + text.slice(0, 20));
          if (el.matches('button, a.button, select, input:not([type=checkbox]):not([type=radio])')
              && el.getBoundingClientRect().height < 48) bad.push('small target ' + el.id);
        }
        return bad;""");
    assertEquals(List.of(), small);
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

  private static long visitsAtHub() {
    return hub.hub.fieldRecords.list("an-tuong").stream().filter(r -> r.kind() == FieldRecordKind.HOME_VISIT).count();
  }
}
