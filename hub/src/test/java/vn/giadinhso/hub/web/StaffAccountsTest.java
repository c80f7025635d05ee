package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.criteria.CriteriaSet;

/** Issue 12: accounts in the browser, by admins everywhere and by province officers within their province. */
class StaffAccountsTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir Path dir;
  TestHub hub;

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    CriteriaSet kc = hub.hub.criteriaJson.readResource("kon-chieng-2025.json");
    hub.hub.criteria.load(new CriteriaSet("xa-thu", "Xã Thử", "Tỉnh Thử Nghiệm", kc.version(), kc.title(),
        kc.source(), kc.pillars(), kc.criteria(), kc.groups(), kc.flags(), kc.overallTargetPercent()));
    hub.hub.users.create("quan-tri", PASSWORD, Assignment.admin());
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    hub.hub.users.create("can-bo-thu", PASSWORD, Assignment.staff("xa-thu"));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private List<String> actions() {
    return hub.hub.audit.recent(null, 100).stream().map(AuditLog.Entry::action).toList();
  }

  @Test
  void anAdminCreatesEachRoleAndTheAccountsSignInWithWhatTheyWereGiven() throws Exception {
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    admin.get("/dashboard/users");
    assertEquals(303, admin.postFormPairs("/dashboard/users", List.of(Map.entry("username", "hai-xa"),
        Map.entry("password", PASSWORD), Map.entry("role", "STAFF"), Map.entry("commune", "an-tuong"),
        Map.entry("commune", "kon-chieng"))).statusCode());
    assertEquals(303, admin.postForm("/dashboard/users", Map.of("username", "tinh-moi", "password", PASSWORD,
        "role", "PROVINCE", "province", "52")).statusCode());
    assertEquals(303, admin.postForm("/dashboard/users", Map.of("username", "xem", "password", PASSWORD,
        "role", "VIEWER", "province", "52")).statusCode());

    StaffClient twoCommunes = firstSignIn("hai-xa");
    String home = twoCommunes.get("/dashboard").body();
    assertTrue(home.contains("/dashboard/c/an-tuong") && home.contains("/dashboard/c/kon-chieng"), home);
    assertFalse(home.contains("/dashboard/c/xa-thu"), home);
    assertEquals(200, twoCommunes.get("/dashboard/c/kon-chieng/households").statusCode());

    StaffClient viewer = firstSignIn("xem");
    assertEquals(200, viewer.get("/dashboard/c/an-tuong/report.csv").statusCode(), "a viewer exports");
    assertEquals(403, viewer.postForm("/dashboard/c/an-tuong/requests/x", Map.of("status", "CLOSED")).statusCode());
    assertTrue(actions().stream().filter("user.created"::equals).count() >= 3);

    var hint = admin.postForm("/dashboard/users", Map.of("username", "thieu-xa", "password", PASSWORD, "role", "STAFF"));
    assertEquals(400, hint.statusCode());
    assertTrue(hint.body().contains("Chọn ít nhất một xã"), hint.body());
    assertTrue(hub.hub.users.find("thieu-xa").isEmpty());
  }

  /**
   * Signs in with the one-time password an admin gave (PASSWORD) and chooses another first, as
   * every account created in the dashboard must (hub-020).
   */
  private StaffClient firstSignIn(String username) throws Exception {
    StaffClient client = new StaffClient(hub);
    assertEquals("/dashboard/account", client.login(username, PASSWORD).headers().firstValue("Location").orElse(""));
    client.get("/dashboard/account");
    assertEquals(303, client.postForm("/dashboard/account/password", Map.of("current", PASSWORD,
        "password", PASSWORD + "-rieng", "confirm", PASSWORD + "-rieng")).statusCode());
    client.get("/dashboard/audit");
    return client;
  }

  @Test
  void aProvinceOfficerManagesOnlyCommuneAccountsOfItsProvince() throws Exception {
    StaffClient officer = StaffClient.signedIn(hub, "tinh-gl", PASSWORD);
    String list = officer.get("/dashboard/users").body();
    assertTrue(list.contains("can-bo-a"), list);
    assertFalse(list.contains("can-bo-thu") || list.contains("quan-tri"), "only its province's commune accounts: " + list);

    assertEquals(303, officer.postForm("/dashboard/users", Map.of("username", "can-bo-kc", "password", PASSWORD,
        "role", "STAFF", "commune", "kon-chieng")).statusCode());
    assertEquals(List.of("kon-chieng"), hub.hub.users.find("can-bo-kc").orElseThrow().communes());

    // Never an admin or another officer, never a commune of another province.
    assertEquals(403, officer.postForm("/dashboard/users", Map.of("username", "ke-gian", "password", PASSWORD,
        "role", "ADMIN")).statusCode());
    assertEquals(403, officer.postForm("/dashboard/users", Map.of("username", "ke-gian", "password", PASSWORD,
        "role", "PROVINCE", "province", "52")).statusCode());
    assertEquals(403, officer.postForm("/dashboard/users", Map.of("username", "ke-gian", "password", PASSWORD,
        "role", "STAFF", "commune", "xa-thu")).statusCode());
    assertTrue(hub.hub.users.find("ke-gian").isEmpty());

    // Accounts outside its province: not shown, not changed.
    assertEquals(403, officer.get("/dashboard/users/can-bo-thu").statusCode());
    assertEquals(403, officer.postForm("/dashboard/users/can-bo-thu/disable", Map.of()).statusCode());
    assertEquals(403, officer.postForm("/dashboard/users/quan-tri/password", Map.of()).statusCode());
    assertEquals(403, officer.postForm("/dashboard/users/can-bo-a/assign", Map.of("role", "STAFF",
        "commune", "xa-thu")).statusCode());
    assertEquals(List.of("an-tuong"), hub.hub.users.find("can-bo-a").orElseThrow().communes());

    // Within it: disable ends the session at once, re-enable, reassign.
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(303, officer.postForm("/dashboard/users/can-bo-a/disable", Map.of()).statusCode());
    assertEquals(303, staff.get("/dashboard/c/an-tuong").statusCode(), "signed out at once");
    assertEquals(303, officer.postForm("/dashboard/users/can-bo-a/enable", Map.of()).statusCode());
    assertEquals(303, officer.postFormPairs("/dashboard/users/can-bo-a/assign", List.of(Map.entry("role", "VIEWER"),
        Map.entry("commune", "kon-chieng"))).statusCode());
    var after = hub.hub.users.find("can-bo-a").orElseThrow();
    assertEquals(UserStore.Role.VIEWER, after.role());
    assertEquals(List.of("kon-chieng"), after.communes());
    assertTrue(actions().containsAll(List.of("user.created", "user.disabled", "user.enabled", "user.assigned")), actions().toString());
  }

  @Test
  void aResetShowsAOneTimePasswordOnceAndEndsTheAccountsSessions() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    admin.get("/dashboard/users/can-bo-a");
    HttpResponse<String> reset = admin.postForm("/dashboard/users/can-bo-a/password", Map.of("password", ""));
    assertEquals(200, reset.statusCode(), reset.body());
    Matcher shown = Pattern.compile("id=\"new-password-value\">([a-z0-9-]+)<").matcher(reset.body());
    assertTrue(shown.find(), reset.body());
    String oneTime = shown.group(1);
    assertEquals(303, staff.get("/dashboard/c/an-tuong").statusCode(), "the old session ended");
    assertEquals(401, new StaffClient(hub).login("can-bo-a", PASSWORD).statusCode());
    assertEquals(303, new StaffClient(hub).login("can-bo-a", oneTime).statusCode());
    assertFalse(admin.get("/dashboard/users/can-bo-a").body().contains(oneTime), "shown once only");
    assertTrue(hub.hub.audit.recent(null, 20).stream().noneMatch(e -> String.valueOf(e.detail()).contains(oneTime)),
        "the password is not in the audit log");

    var tooShort = admin.postForm("/dashboard/users/can-bo-a/password", Map.of("password", "ngan"));
    assertEquals(400, tooShort.statusCode());
    assertTrue(tooShort.body().contains("ít nhất 10 ký tự"), tooShort.body());
    assertEquals(200, admin.postForm("/dashboard/users/can-bo-a/password", Map.of("password", "mat-khau-admin-dat")).statusCode());
    assertEquals(303, new StaffClient(hub).login("can-bo-a", "mat-khau-admin-dat").statusCode());
    assertTrue(actions().contains("user.password_reset"));
  }

  @Test
  void accountFormsNeedTheCsrfToken() throws Exception {
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    assertEquals(403, admin.postRaw("/dashboard/users/can-bo-a/disable", Map.of()).statusCode());
    assertEquals(403, admin.postRaw("/dashboard/users/can-bo-a/password", Map.of("password", "")).statusCode());
    assertEquals(403, admin.postRaw("/dashboard/users/can-bo-a/assign", Map.of("role", "ADMIN")).statusCode());
    assertEquals(UserStore.Role.STAFF, hub.hub.users.find("can-bo-a").orElseThrow().role());
    assertTrue(hub.hub.users.findActive("can-bo-a").isPresent());
  }
}
