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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.giadinhso.hub.TestHub;

/**
 * Issue 15, mobile points, in real headless Chromium at a phone's size: a team member chooses
 * today's session of a mobile point, checks in a member picked from the roster and a household
 * with nobody picked, and the hub's attendance has them under the kiosk's person keys. Skips (with
 * the reason) when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldAttendanceBrowserTest {
  static final String ID_AN = "052190012345";
  static final String SESSION = "s-mobile-browser";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_AN + "),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Đặng Thị Hồng,Đặng Thị Hồng (052196004455),,\n");
    FieldPhone.todaysMobileSession(hub, SESSION);
    chromium = FieldPhone.start(hub);
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void aMemberAndAHouseholdCheckedInOnThePhoneReachTheSessionsAttendance() {
    chromium.signIn(FieldPhone.ACCOUNT, FieldPhone.PASSWORD);
    FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready && !document.getElementById('attendance-box').hidden");
    new Select(chromium.find("#attendance-session")).selectByValue(SESSION);
    assertTrue(chromium.find("#attendance-session").getText().contains("Sân nhà ông Tư (lưu động)"));
    FieldPhone.assertPhoneSized(chromium);

    open("AT-T1-0001");
    chromium.find("#member-0").click();
    chromium.find("#checkin-save").click();
    waitForCheckIn("Nguyễn V. An", 1);
    chromium.find("#back").click();
    open("AT-T1-0002");
    chromium.find("#checkin-save").click();
    waitForCheckIn("Đặng T. Hồng", 2);

    String hash = hub.hub.memberKeys.hash("an-tuong", ID_AN);
    assertEquals(List.of("h:AT-T1-0002", "m:" + hash), personKeys());
    FieldPhone.waitFor(chromium, "document.getElementById('outbox-count').textContent === '0'");
    FieldPhone.assertPhoneSized(chromium);
  }

  private void open(String code) {
    var search = chromium.find("#search");
    search.clear();
    search.sendKeys(code);
    FieldPhone.waitFor(chromium, "document.querySelectorAll('#households li[data-code]').length === 1");
    chromium.find("#households li[data-code='" + code + "'] button").click();
  }

  /**
   * The phone confirms who was checked in, until the outbox sends it a moment later ("Đã gửi …");
   * then the hub has it.
   */
  private void waitForCheckIn(String who, int atHub) {
    FieldPhone.waitFor(chromium, "['Đã điểm danh " + who + "', 'Đã gửi'].some(m => document.getElementById('message').textContent.includes(m))");
    new WebDriverWait(chromium.driver(), Duration.ofSeconds(20)).until(d -> personKeys().size() == atHub);
  }

  private static List<String> personKeys() {
    return hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT person_key FROM attendance WHERE session_id = :s ORDER BY person_key").bind("s", SESSION)
        .mapTo(String.class).list());
  }
}
