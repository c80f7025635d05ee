package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * A team member's phone for the field app's browser tests: headless Chromium at 360×740 for a
 * FIELD account of Thôn Tân Thành, and what the tests do on it — wait for what the app shows (a
 * failure says what was on screen and any script error), take the signal away, check the page
 * fits a phone.
 */
final class FieldPhone {
  static final String ACCOUNT = "doi-a";
  static final String PASSWORD = "mat-khau-rat-dai-1";

  private FieldPhone() {
  }

  /** The account (for Thôn Tân Thành of An Tường) and a phone-sized Chromium; skips as HeadlessChromium does. */
  static HeadlessChromium start(TestHub hub, String... chromiumArguments) {
    hub.hub.users.create(ACCOUNT, PASSWORD, Assignment.field("an-tuong", List.of("Thôn Tân Thành")));
    HeadlessChromium chromium = HeadlessChromium.startOrSkip(hub, chromiumArguments);
    chromium.resize(360, 740);
    return chromium;
  }

  /** Today's session {@code id}, from 00:01 to 23:01 Vietnam time, at An Tường's mobile point. */
  static void todaysMobileSession(TestHub hub, String id) {
    hub.hub.schedule.savePoint(new SupportPoint("an-tuong-luu-dong", "an-tuong", "Điểm lưu động", "Các thôn", 2, "", null,
        true));
    Instant start = LocalDate.now(Schedules.VIETNAM).atStartOfDay(Schedules.VIETNAM).toInstant().plusSeconds(60);
    hub.hub.schedule.saveSession(new Session(id, "an-tuong-luu-dong", start, start.plusSeconds(23 * 3600),
        "Sân nhà ông Tư", "VNeID mức 2", "Tổ công nghệ số", Session.Status.SCHEDULED));
  }

  static void waitFor(HeadlessChromium chromium, String condition) {
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).ignoring(WebDriverException.class)
        .withMessage(() -> condition + "; on screen: " + chromium.script(
            "return document.getElementById('message').textContent + ' | errors: ' + (window.gdsErrors || []).join('; ');"))
        .until(d -> Boolean.TRUE.equals(chromium.script("return !!(" + condition + ");")));
  }

  /** No signal, or the signal back (DevTools network emulation). */
  static void network(HeadlessChromium chromium, boolean online) {
    HasCdp cdp = (HasCdp) chromium.driver();
    cdp.executeCdpCommand("Network.enable", Map.of());
    cdp.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
        "downloadThroughput", -1, "uploadThroughput", -1));
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
}
