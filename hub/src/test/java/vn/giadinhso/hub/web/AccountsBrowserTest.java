package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;

/**
 * Accounts and units in real headless Chromium, two browsers (two cookie jars): an admin disables
 * an account and that account's open session ends on its next page; an admin uploads a units file.
 */
class AccountsBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium admin;
  static HeadlessChromium staff;
  static WebDriver adminBrowser;
  static WebDriver staffBrowser;
  static String base;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.hub.users.create("quan-tri", PASSWORD, Assignment.admin());
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    admin = HeadlessChromium.startOrSkip(hub);
    staff = HeadlessChromium.startOrSkip(hub);
    adminBrowser = admin.driver();
    staffBrowser = staff.driver();
    base = admin.base();
  }

  @AfterAll
  static void stop() {
    for (HeadlessChromium b : new HeadlessChromium[] {admin, staff}) {
      if (b != null) {
        b.close();
      }
    }
    if (hub != null) {
      hub.close();
    }
  }

  private static HeadlessChromium of(WebDriver browser) {
    return browser == adminBrowser ? admin : staff;
  }

  private static void submit(WebDriver browser, WebElement button) {
    of(browser).follow(button);
  }

  private static void signIn(WebDriver browser, String username) {
    of(browser).signIn(username, PASSWORD);
  }

  @Test
  void anAdminDisablesAnAccountAndItsOpenSessionEndsOnItsNextPage() {
    signIn(staffBrowser, "can-bo-a");
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/dashboard/c/an-tuong"), staffBrowser.getCurrentUrl());

    signIn(adminBrowser, "quan-tri");
    adminBrowser.get(base + "/dashboard/users");
    adminBrowser.findElement(By.linkText("can-bo-a")).click();
    assertTrue(adminBrowser.findElement(By.id("account-state")).getText().contains("Hoạt động"));
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#disable-form button")));
    assertTrue(adminBrowser.findElement(By.id("account-state")).getText().contains("Đã khoá"),
        adminBrowser.findElement(By.id("account-state")).getText());

    staffBrowser.get(base + "/dashboard/c/an-tuong/households");
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/login"), "signed out: " + staffBrowser.getCurrentUrl());
    staffBrowser.findElement(By.id("username")).sendKeys("can-bo-a");
    staffBrowser.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(staffBrowser, staffBrowser.findElement(By.id("login-submit")));
    assertTrue(staffBrowser.getCurrentUrl().endsWith("/login"), "a disabled account cannot sign in again");
  }

  @Test
  void anAdminUploadsAUnitsFileAndSeesItsProblemsOrItsRows() throws Exception {
    signIn(adminBrowser, "quan-tri");
    String header = "province_code,province_name,commune_code,commune_name,commune_id,source\n";
    Path bad = dir.resolve("loi.csv");
    Files.writeString(bad, header + "52,Gia Lai,,Ân Tường,an-tuong,\n", StandardCharsets.UTF_8);
    adminBrowser.get(base + "/dashboard/units");
    adminBrowser.findElement(By.name("file")).sendKeys(bad.toString());
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#units-form button")));
    String problems = adminBrowser.findElement(By.id("units-problems")).getText();
    assertTrue(problems.contains("2: source is required"), problems);

    Path good = dir.resolve("don-vi.csv");
    Files.writeString(good, header + "52,Gia Lai,,Xã Ia Thử,,Tệp thử của bài kiểm tra\n", StandardCharsets.UTF_8);
    adminBrowser.findElement(By.name("file")).sendKeys(good.toString());
    submit(adminBrowser, adminBrowser.findElement(By.cssSelector("#units-form button")));
    assertTrue(adminBrowser.findElement(By.id("units-imported")).getText().contains("1 xã"));
    String province = adminBrowser.findElement(By.id("province-52")).getText();
    assertTrue(province.contains("Xã Ia Thử") && province.contains("ia-thu") && province.contains("chưa biết"), province);
    assertTrue(adminBrowser.findElement(By.id("unit-imports")).getText().contains("Tệp thử của bài kiểm tra"));
    assertEquals("52", hub.hub.units.commune("ia-thu").orElseThrow().provinceCode());
  }
}
