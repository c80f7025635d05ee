package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

class AccessControlTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  /** Every dashboard page, for commune {c}. Extend when adding routes. */
  static final List<String> COMMUNE_PAGES = List.of(
      "/dashboard/c/{c}",
      "/dashboard/c/{c}/schedule",
      "/dashboard/c/{c}/points/{p}",
      "/dashboard/c/{c}/households",
      "/dashboard/c/{c}/households/AT-T1-0001",
      "/dashboard/c/{c}/declarations",
      "/dashboard/c/{c}/requests",
      "/dashboard/c/{c}/kiosks",
      "/dashboard/c/{c}/report",
      "/dashboard/c/{c}/report.csv",
      "/dashboard/c/{c}/report.xlsx",
      "/dashboard/c/{c}/cards.pdf?village=x");
  static final List<String> OTHER_PAGES = List.of("/dashboard", "/dashboard/users", "/dashboard/audit");
  static final List<String> API = List.of("/dashboard/api/me", "/dashboard/api/c/{c}/report");

  @TempDir static Path dir;
  static TestHub hub;

  @BeforeAll
  static void start() {
    hub = new TestHub(dir);
    hub.hub.users.create("admin", PASSWORD, UserStore.Role.ADMIN, null);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("can-bo-b", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static String path(String template, String commune, String point) {
    return template.replace("{c}", commune).replace("{p}", point);
  }

  @Test
  void everyPageWithoutASessionRedirectsToLogin() throws Exception {
    StaffClient anonymous = new StaffClient(hub);
    for (String template : concat(COMMUNE_PAGES, OTHER_PAGES)) {
      String path = path(template, "an-tuong", TestHub.POINT);
      HttpResponse<String> response = anonymous.get(path);
      assertEquals(303, response.statusCode(), path);
      assertEquals("/login", response.headers().firstValue("Location").orElse(""), path);
    }
  }

  @Test
  void everyApiCallWithoutASessionIs401() throws Exception {
    StaffClient anonymous = new StaffClient(hub);
    for (String template : API) {
      HttpResponse<String> response = anonymous.get(path(template, "an-tuong", TestHub.POINT));
      assertEquals(401, response.statusCode(), template);
      assertTrue(response.body().contains("\"error\""), template);
    }
  }

  @Test
  void postsWithoutASessionAreRefusedToo() throws Exception {
    HttpResponse<String> response = new StaffClient(hub).postRaw("/dashboard/users",
        Map.of("username", "ke-gian", "password", PASSWORD, "role", "ADMIN"));
    assertEquals(303, response.statusCode());
    assertTrue(hub.hub.users.find("ke-gian").isEmpty());
  }

  @Test
  void theSessionCookieIsSecureHttpOnlyAndStrict() throws Exception {
    StaffClient client = new StaffClient(hub);
    HttpResponse<String> response = client.login("can-bo-a", PASSWORD);
    assertEquals(303, response.statusCode());
    String cookie = response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(DashboardAccess.COOKIE + "=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("; Secure"), cookie);
    assertTrue(cookie.contains("; HttpOnly"), cookie);
    assertTrue(cookie.contains("; SameSite=Strict"), cookie);
    assertEquals(200, client.get("/dashboard/c/an-tuong").statusCode());
  }

  @Test
  void staffOfOneCommuneCannotReadAnother() throws Exception {
    StaffClient staffA = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    for (String template : COMMUNE_PAGES) {
      HttpResponse<String> other = staffA.get(path(template, "kon-chieng", TestHub.OTHER_COMMUNE_POINT));
      assertEquals(403, other.statusCode(), template);
      assertFalse(other.body().contains("Đê Tar"), template);
    }
    assertEquals(403, staffA.get("/dashboard/api/c/kon-chieng/report").statusCode());
    assertEquals(403, staffA.get("/dashboard/users").statusCode());
    // Staff land on their own commune.
    HttpResponse<String> home = staffA.get("/dashboard");
    assertEquals("/dashboard/c/an-tuong", home.headers().firstValue("Location").orElse(""));
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
    StaffClient admin = StaffClient.signedIn(hub, "admin", PASSWORD);
    Map<String, String> form = Map.of("username", "khong-csrf", "password", PASSWORD, "role", "STAFF", "commune", "an-tuong");
    HttpResponse<String> refused = admin.postRaw("/dashboard/users", form);
    assertEquals(403, refused.statusCode());
    HttpResponse<String> wrong = admin.postRaw("/dashboard/users", with(form, "_csrf", "not-the-token"));
    assertEquals(403, wrong.statusCode());
    assertTrue(hub.hub.users.find("khong-csrf").isEmpty());

    // The login form has its own token.
    StaffClient fresh = new StaffClient(hub);
    assertEquals(403, fresh.postRaw("/login", Map.of("username", "admin", "password", PASSWORD)).statusCode());
  }

  @Test
  void anAdminCreatesAStaffAccountThatCanSignInAndTheAuditLogSaysWho() throws Exception {
    StaffClient admin = StaffClient.signedIn(hub, "admin", PASSWORD);
    HttpResponse<String> created = admin.postForm("/dashboard/users",
        Map.of("username", "thu-ky", "password", "mot-mat-khau-moi", "role", "STAFF", "commune", "an-tuong"));
    assertEquals(303, created.statusCode(), created.body());
    StaffClient.signedIn(hub, "thu-ky", "mot-mat-khau-moi");
    String audit = admin.get("/dashboard/audit").body();
    assertTrue(audit.contains("user.created") && audit.contains("thu-ky") && audit.contains("admin"), audit);
    // Staff cannot create accounts even with a valid token.
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(403, staff.postForm("/dashboard/users",
        Map.of("username", "x-y", "password", PASSWORD, "role", "ADMIN")).statusCode());
  }

  @Test
  void signingOutEndsTheSession() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(303, staff.postForm("/logout", Map.of()).statusCode());
    assertEquals(303, staff.get("/dashboard/c/an-tuong").statusCode());
  }

  @Test
  void textFromTheDatabaseIsEscaped() throws Exception {
    hub.hub.audit.record("<script>alert(1)</script>", "an-tuong", "test", "x", null);
    String page = StaffClient.signedIn(hub, "can-bo-a", PASSWORD).get("/dashboard/audit").body();
    assertFalse(page.contains("<script>alert(1)"));
    assertTrue(page.contains("&lt;script&gt;"));
  }

  private static Map<String, String> with(Map<String, String> form, String key, String value) {
    Map<String, String> out = new java.util.HashMap<>(form);
    out.put(key, value);
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
