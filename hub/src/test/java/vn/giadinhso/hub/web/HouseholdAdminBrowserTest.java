package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 12 in real headless Chromium: commune staff upload a roster with errors, read the
 * preview, apply the valid rows and find them in the list; create a support point and find it
 * on the schedule page. Skips (with the reason) when chromium or chromedriver is missing, unless
 * REQUIRE_SYSTEM_TESTS=1.
 */
class HouseholdAdminBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.importRoster(RosterAdminTest.HEADER
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + RosterAdminTest.ID_AN + "); Trần Thị Bình ("
        + RosterAdminTest.ID_BINH + "),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Lê Văn Cường,Lê Văn Cường (" + RosterAdminTest.ID_CUONG + "),,\n");
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
    chromium.signIn("can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void staffUploadARosterWithErrorsSeeThePreviewApplyTheValidRowsAndFindThemInTheList() throws Exception {
    Path file = dir.resolve("danh-sach-ho.csv");
    Files.writeString(file, RosterAdminTest.FILE, StandardCharsets.UTF_8);

    chromium.open("/dashboard/c/an-tuong/households");
    chromium.follow(chromium.find("#roster-link"));
    chromium.find("#roster-file").sendKeys(file.toString());
    chromium.follow(chromium.find("#roster-preview-button"));

    assertEquals("2", chromium.find("#count-added").getText());
    assertEquals("1", chromium.find("#count-changed").getText());
    assertEquals("1", chromium.find("#count-unchanged").getText());
    assertEquals("5", chromium.find("#count-rejected").getText());
    assertTrue(chromium.find("#preview-rejected tr[data-line='5']").getText().contains("12 chữ số"));
    assertTrue(chromium.find("#preview-changed tr[data-code='AT-T1-0001']").getText().contains("nhóm"));
    assertFalse(browser.getPageSource().contains(RosterAdminTest.ID_DUNG), "no ID number on the page");
    assertTrue(hub.hub.households.find("AT-T1-0003").isEmpty(), "nothing stored by the preview");

    // The box is required while the file has errors: submitting without it stays on the page.
    assertEquals("true", chromium.find("#apply-valid").getAttribute("required"));
    chromium.find("#apply-valid").sendKeys(Keys.SPACE); // by keyboard, as a person without a mouse would
    assertTrue(chromium.find("#apply-valid").isSelected());
    chromium.follow(chromium.find("#roster-apply"));
    assertTrue(chromium.find("#roster-applied").getText().contains("2 hộ mới"), chromium.find("#roster-applied").getText());

    chromium.follow(chromium.find("#roster-to-list"));
    chromium.find("#household-query").sendKeys("Trịnh");
    chromium.follow(chromium.find("form[role='search'] button"));
    assertTrue(chromium.find("#households tbody").getText().contains("AT-T1-0008"),
        chromium.find("#households tbody").getText());
    assertTrue(hub.hub.households.find("AT-T1-0004").isEmpty(), "a rejected row is not stored");
  }

  @Test
  void staffCreateASupportPointAndSeeItOnTheSchedule() {
    chromium.open("/dashboard/c/an-tuong/schedule");
    chromium.find("#point-name").sendKeys("Điểm Nhà văn hóa thôn Hòa Bình");
    chromium.find("#point-place").sendKeys("Nhà văn hóa thôn Hòa Bình");
    chromium.find("#point-hours").sendKeys("Thứ 2–6, 7:30–11:00");
    chromium.find("#point-minimum").clear();
    chromium.find("#point-minimum").sendKeys("4");
    chromium.follow(chromium.find("#point-create"));
    assertTrue(browser.getCurrentUrl().endsWith("/points/an-tuong-diem-nha-van-hoa-thon-hoa-binh"), browser.getCurrentUrl());
    assertTrue(chromium.find("#point-hours-shown").getText().contains("7:30–11:00"));

    chromium.open("/dashboard/c/an-tuong/schedule");
    String row = chromium.find("#point-an-tuong-diem-nha-van-hoa-thon-hoa-binh").getText();
    assertTrue(row.contains("Điểm Nhà văn hóa thôn Hòa Bình") && row.contains("Thứ 2–6, 7:30–11:00"), row);
    assertTrue(browser.findElements(By.cssSelector("label[for='point-hours']")).size() == 1, "every field labelled");
  }
}
