package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/**
 * Issue 12: an account given a one-time password (an admin's reset, an account an admin created)
 * reaches nothing but the change-password page until it has chosen its own, on either of two hub
 * processes sharing the database; the API says why with a 403; the old password stops working.
 */
class ForcedPasswordChangeTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String ONE_TIME = "mot-lan-thoi-3456";
  static final String CHOSEN = "mat-khau-cua-toi-789";
  static final String CHANGE = "/dashboard/account";
  /** Every page a commune staff member may otherwise open. */
  static final List<String> PAGES = List.of("/dashboard", "/dashboard/c/an-tuong", "/dashboard/c/an-tuong/households",
      "/dashboard/c/an-tuong/declarations", "/dashboard/c/an-tuong/requests", "/dashboard/c/an-tuong/kiosks",
      "/dashboard/c/an-tuong/schedule", "/dashboard/c/an-tuong/report", "/dashboard/audit", "/dashboard/users");

  @TempDir Path dir;
  final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T01:00:00Z"));
  TestHub a;
  TestHub b;

  @BeforeEach
  void twoHubsOnOneDatabase() {
    a = new TestHub(dir, clock);
    b = new TestHub(dir, clock);
    a.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    a.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
  }

  @AfterEach
  void stop() {
    b.close();
    a.close();
  }

  @Test
  void aResetPasswordOpensOnlyTheChangePageUntilANewOneIsChosenOnEitherHub() throws Exception {
    StaffClient staffOnB = StaffClient.signedIn(b, "can-bo-a", PASSWORD);
    StaffClient admin = StaffClient.signedIn(a, "quan-tri", PASSWORD);
    admin.get("/dashboard/users/can-bo-a");
    assertEquals(200, admin.postForm("/dashboard/users/can-bo-a/password", Map.of("password", ONE_TIME)).statusCode());
    assertEquals("/login", location(staffOnB.get("/dashboard/c/an-tuong")), "the reset ended the session on the other hub");

    StaffClient staff = new StaffClient(b);
    HttpResponse<String> signedIn = staff.login("can-bo-a", ONE_TIME);
    assertEquals(303, signedIn.statusCode());
    assertEquals(CHANGE, location(signedIn), "straight to the change page");
    for (String page : PAGES) {
      assertEquals(CHANGE, location(staff.get(page)), page + " waits for the new password");
    }
    HttpResponse<String> changePage = staff.get(CHANGE);
    assertEquals(200, changePage.statusCode());
    assertTrue(changePage.body().contains("id=\"must-change\"") && changePage.body().contains("mật khẩu một lần"),
        changePage.body());
    // A form posted elsewhere does nothing either, and the API says why.
    assertEquals(CHANGE, location(staff.postForm("/dashboard/c/an-tuong/requests/x", Map.of("status", "CLOSED"))));
    HttpResponse<String> api = staff.get("/dashboard/api/me");
    assertEquals(403, api.statusCode());
    assertTrue(api.body().contains("mật khẩu một lần") && api.body().contains("/dashboard/account"), api.body());
    // The same request on the other hub process: the flag is the account's, in the database.
    StaffClient staffOnA = new StaffClient(a);
    assertEquals(CHANGE, location(staffOnA.login("can-bo-a", ONE_TIME)));
    assertEquals(CHANGE, location(staffOnA.get("/dashboard/c/an-tuong")));

    staff.get(CHANGE);
    HttpResponse<String> same = staff.postForm("/dashboard/account/password",
        Map.of("current", ONE_TIME, "password", ONE_TIME, "confirm", ONE_TIME));
    assertEquals(400, same.statusCode());
    assertTrue(same.body().contains("Mật khẩu mới phải khác mật khẩu hiện tại"), same.body());
    staff.get(CHANGE);
    HttpResponse<String> tooShort = staff.postForm("/dashboard/account/password",
        Map.of("current", ONE_TIME, "password", "ngan", "confirm", "ngan"));
    assertEquals(400, tooShort.statusCode());
    assertEquals(CHANGE, location(staff.get("/dashboard/c/an-tuong")), "still waiting after refused changes");

    staff.get(CHANGE);
    HttpResponse<String> changed = staff.postForm("/dashboard/account/password",
        Map.of("current", ONE_TIME, "password", CHOSEN, "confirm", CHOSEN));
    assertEquals(303, changed.statusCode(), changed.body());
    for (String page : PAGES) {
      if (!page.equals("/dashboard/users")) { // an admin's page: refused as before, not redirected
        HttpResponse<String> open = staff.get(page);
        assertTrue(open.statusCode() == 200 || page.equals("/dashboard") && "/dashboard/c/an-tuong".equals(location(open)),
            page + " opens: " + open.statusCode());
      }
    }
    assertEquals(403, staff.get("/dashboard/users").statusCode());
    assertEquals(200, staff.get("/dashboard/api/me").statusCode());
    assertEquals("/login", location(staffOnA.get("/dashboard/c/an-tuong")), "the one-time session on hub A ended");

    assertEquals(401, new StaffClient(a).login("can-bo-a", ONE_TIME).statusCode(), "the one-time password is gone");
    assertEquals(401, new StaffClient(b).login("can-bo-a", PASSWORD).statusCode(), "and so is the old one");
    assertEquals("/dashboard", location(new StaffClient(a).login("can-bo-a", CHOSEN)), "the chosen one works on both");

    String audit = admin.get("/dashboard/audit").body();
    assertTrue(audit.contains("must choose a new one at the next sign-in"), audit);
    assertTrue(audit.contains("one-time password replaced"), audit);
    assertTrue(audit.contains("one-time password: must choose a new one"), "the sign-in with it is noted: " + audit);
  }

  @Test
  void anAccountAnAdminCreatesMustChooseItsOwnPasswordAtFirstSignIn() throws Exception {
    StaffClient admin = StaffClient.signedIn(a, "quan-tri", PASSWORD);
    admin.get("/dashboard/users");
    assertEquals(303, admin.postFormPairs("/dashboard/users", List.of(Map.entry("username", "can-bo-moi"),
        Map.entry("password", ONE_TIME), Map.entry("role", "STAFF"), Map.entry("commune", "an-tuong"))).statusCode());
    assertTrue(admin.get("/dashboard/users").body().contains("Chưa đổi mật khẩu một lần"), "the list shows it");

    StaffClient newcomer = new StaffClient(b);
    assertEquals(CHANGE, location(newcomer.login("can-bo-moi", ONE_TIME)));
    assertEquals(CHANGE, location(newcomer.get("/dashboard/c/an-tuong")));
    newcomer.get(CHANGE);
    assertEquals(303, newcomer.postForm("/dashboard/account/password",
        Map.of("current", ONE_TIME, "password", CHOSEN, "confirm", CHOSEN)).statusCode());
    assertEquals(200, newcomer.get("/dashboard/c/an-tuong").statusCode());
    assertFalse(admin.get("/dashboard/users").body().contains("Chưa đổi mật khẩu một lần"));
  }

  @Test
  void signingOutStillWorksWhileThePasswordMustChange() throws Exception {
    a.hub.users.resetPassword("can-bo-a", ONE_TIME);
    StaffClient staff = new StaffClient(a);
    staff.login("can-bo-a", ONE_TIME);
    staff.get(CHANGE);
    assertEquals("/login", location(staff.postForm("/logout", Map.of())));
    assertEquals("/login", location(staff.get(CHANGE)), "signed out");
  }

  private static String location(HttpResponse<String> response) {
    return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
  }
}
