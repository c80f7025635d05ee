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
import vn.giadinhso.hub.field.FieldRecordKind;

/**
 * Issue 15's field app in real headless Chromium at a phone's size (360×740): a team member signs
 * in, loses signal (DevTools network emulation), records two home visits, reloads the app still
 * offline, and when the signal is back the hub has both visits, once each. Skips (with the
 * reason) when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldAppBrowserTest {

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
  void twoVisitsRecordedOfflineReachTheHubOnceWhenTheSignalIsBack() {
    chromium.signIn(FieldPhone.ACCOUNT, FieldPhone.PASSWORD);
    assertTrue(chromium.driver().getCurrentUrl().endsWith("/field/"), chromium.driver().getCurrentUrl());
    FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready && navigator.serviceWorker.controller !== null");
    assertEquals(List.of("AT-T1-0001", "AT-T1-0002"), listed(), "its village's households, not Thôn Hai's");
    FieldPhone.assertPhoneSized(chromium);

    FieldPhone.network(chromium, false);
    FieldPhone.waitFor(chromium, "navigator.onLine === false");
    recordVisit("nguyen van an", "AT-T1-0001");
    recordVisit("dang hong", "AT-T1-0002");
    FieldPhone.waitFor(chromium, "document.getElementById('outbox-count').textContent === '2'");
    assertEquals(0, visitsAtHub(), "nothing reached the hub offline");

    chromium.driver().navigate().refresh();
    FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready");
    assertEquals("2", chromium.find("#outbox-count").getText(), "the outbox survives a reload");
    assertEquals(List.of("AT-T1-0001", "AT-T1-0002"), listed(), "the cached roster opens offline");

    FieldPhone.network(chromium, true);
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> visitsAtHub() == 2);
    FieldPhone.waitFor(chromium, "document.getElementById('outbox-count').textContent === '0'");
    chromium.script("return window.gdsField.sync();");
    assertEquals(2, visitsAtHub(), "once each");
  }

  private void recordVisit(String search, String code) {
    var field = chromium.find("#search");
    field.clear();
    field.sendKeys(search);
    FieldPhone.waitFor(chromium, "document.querySelectorAll('#households li[data-code]').length === 1");
    chromium.find("#households li[data-code='" + code + "'] button").click();
    chromium.find("#member-0").click();
    chromium.find("#topics input[value='vneid']").click();
    chromium.find("#can-do-alone").sendKeys("Tự mở VNeID");
    chromium.find("#visit-save").click();
    FieldPhone.waitFor(chromium, "document.getElementById('message').dataset.kind === 'good'");
    chromium.script("document.getElementById('message').dataset.kind = '';");
    chromium.find("#back").click();
  }

  private List<String> listed() {
    chromium.find("#search").clear();
    chromium.script("document.getElementById('search').dispatchEvent(new Event('input'));");
    return chromium.driver().findElements(By.cssSelector("#households li[data-code]")).stream()
        .map(e -> e.getAttribute("data-code")).toList();
  }

  private static long visitsAtHub() {
    return hub.hub.fieldRecords.list("an-tuong").stream().filter(r -> r.kind() == FieldRecordKind.HOME_VISIT).count();
  }
}
