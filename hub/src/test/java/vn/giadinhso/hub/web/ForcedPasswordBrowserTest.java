package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 12 in real headless Chromium: an admin resets a staff member's password and reads the
 * one-time password the hub made; the staff member signs in with it, is held on the
 * change-password page (even when typing another address) until choosing a new one, then reaches
 * the commune. On the sign-in page, "English" turns the form English. Skips (with the reason)
 * when chromium or chromedriver is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class ForcedPasswordBrowserTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String CHOSEN = "mat-khau-tu-chon-42";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    chromium = HeadlessChromium.startOrSkip(hub);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void aResetPasswordMustBeReplacedAtSignInThenTheCommuneOpens() {
    chromium.signIn("quan-tri", PASSWORD);
    chromium.open("/dashboard/users/can-bo-a");
    chromium.follow(browser.findElement(By.id("reset-submit")));
    String oneTime = browser.findElement(By.id("new-password-value")).getText();
    assertEquals(19, oneTime.length(), oneTime);
    chromium.signOut();

    chromium.signIn("can-bo-a", oneTime);
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/account"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.id("must-change")).isDisplayed());
    chromium.open("/dashboard/c/an-tuong/requests");
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/account"), "held on the change page: " + browser.getCurrentUrl());

    browser.findElement(By.id("current-password")).sendKeys(oneTime);
    browser.findElement(By.id("new-password")).sendKeys(CHOSEN);
    browser.findElement(By.id("confirm-password")).sendKeys(CHOSEN);
    chromium.follow(browser.findElement(By.id("change-password")));
    assertTrue(browser.findElement(By.id("password-changed")).isDisplayed());
    chromium.follow(browser.findElement(By.cssSelector("#password-changed a")));
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/an-tuong"), browser.getCurrentUrl());
    assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Ân Tường"),
        browser.findElement(By.tagName("h1")).getText());
    chromium.open("/dashboard/c/an-tuong/requests");
    assertTrue(browser.getCurrentUrl().endsWith("/dashboard/c/an-tuong/requests"), browser.getCurrentUrl());
    chromium.signOut();

    // The sign-in page in English, chosen on the sign-in page itself.
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    assertEquals("Đăng nhập", browser.findElement(By.id("login-submit")).getText());
    chromium.follow(browser.findElement(By.cssSelector("#language-switch a[lang='en']")));
    assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    assertEquals("Sign in", browser.findElement(By.id("login-submit")).getText());
    String form = browser.findElement(By.id("login-form")).getText();
    assertTrue(form.contains("Username") && form.contains("Password"), form);
    assertFalse(form.contains("Mật khẩu") || form.contains("Tên đăng nhập"), form);
    assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
  }
}
