package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.auth.UserStore;

/** Issue 10.8: password changes, disabled accounts, idle sessions, audited sign-ins, an append-only audit log. */
class AccountsTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String NEW_PASSWORD = "mat-khau-moi-rat-dai-2";
  static final String HOME = "/dashboard/c/an-tuong";

  @TempDir Path dir;
  final ManualClock clock = new ManualClock(Instant.parse("2026-06-01T01:00:00Z"));
  TestHub hub;

  @BeforeEach
  void start() {
    hub = new TestHub(dir, clock);
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void changingThePasswordEndsTheAccountsOtherSessions() throws Exception {
    StaffClient office = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    StaffClient phone = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    office.get("/dashboard/account");
    var changed = office.postForm("/dashboard/account/password",
        Map.of("current", PASSWORD, "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
    assertEquals(303, changed.statusCode(), changed.body());

    assertEquals(200, office.get(HOME).statusCode(), "the browser that changed it stays signed in");
    assertEquals(303, phone.get(HOME).statusCode(), "the other session has ended");
    assertEquals(401, new StaffClient(hub).login("can-bo-a", PASSWORD).statusCode());
    assertEquals(303, new StaffClient(hub).login("can-bo-a", NEW_PASSWORD).statusCode());
  }

  @Test
  void aWrongCurrentPasswordChangesNothing() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    staff.get("/dashboard/account");
    var refused = staff.postForm("/dashboard/account/password",
        Map.of("current", "khong-phai-mat-khau", "password", NEW_PASSWORD, "confirm", NEW_PASSWORD));
    assertEquals(400, refused.statusCode());
    assertEquals(200, staff.get(HOME).statusCode());
    assertEquals(303, new StaffClient(hub).login("can-bo-a", PASSWORD).statusCode());
  }

  @Test
  void anAdminDisablesAnAccountItsSessionsEndAndItCannotSignInUntilReEnabled() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    admin.get("/dashboard/users");
    assertEquals(403, staff.postForm("/dashboard/users/quan-tri/disable", Map.of()).statusCode(), "staff cannot");

    assertEquals(303, admin.postForm("/dashboard/users/can-bo-a/disable", Map.of()).statusCode());
    assertEquals(303, staff.get(HOME).statusCode(), "signed out at once");
    assertEquals(401, new StaffClient(hub).login("can-bo-a", PASSWORD).statusCode());
    assertTrue(admin.get("/dashboard/users").body().contains("Đã khoá"));
    assertEquals(400, admin.postForm("/dashboard/users/quan-tri/disable", Map.of()).statusCode(), "not oneself");

    admin.get("/dashboard/users");
    assertEquals(303, admin.postForm("/dashboard/users/can-bo-a/enable", Map.of()).statusCode());
    assertEquals(303, new StaffClient(hub).login("can-bo-a", PASSWORD).statusCode());
    List<String> actions = hub.hub.audit.recent(null, 50).stream().map(AuditLog.Entry::action).toList();
    assertTrue(actions.contains("user.disabled") && actions.contains("user.enabled"), actions.toString());
  }

  @Test
  void aSessionEndsAfterThirtyIdleMinutesAndAtItsAbsoluteLimit() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    clock.advance(Duration.ofMinutes(29));
    assertEquals(200, staff.get(HOME).statusCode());
    clock.advance(Duration.ofMinutes(29));
    assertEquals(200, staff.get(HOME).statusCode(), "each request starts the idle time again");
    clock.advance(Duration.ofMinutes(31));
    assertEquals(303, staff.get(HOME).statusCode(), "31 idle minutes end it");

    StaffClient busy = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    for (int minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(Duration.ofMinutes(20));
      assertEquals(200, busy.get(HOME).statusCode(), "still within 12 hours at " + minutes);
    }
    clock.advance(Duration.ofMinutes(25));
    assertEquals(303, busy.get(HOME).statusCode(), "12 hours end even a busy session");
  }

  @Test
  void signInsFailuresAndSignOutsAreAuditedWithoutThePassword() throws Exception {
    String wrong = "sai-mat-khau-bi-mat-123";
    assertEquals(401, new StaffClient(hub).login("can-bo-a", wrong).statusCode());
    assertEquals(401, new StaffClient(hub).login("052190012345", wrong).statusCode());
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(303, staff.postForm("/logout", Map.of()).statusCode());

    List<AuditLog.Entry> entries = hub.hub.audit.recent(null, 50);
    List<String> trail = entries.stream().filter(e -> e.subject().equals("can-bo-a")).map(AuditLog.Entry::action).toList();
    assertEquals(List.of("logout", "login", "login.failed"), trail);
    AuditLog.Entry failed = entries.stream().filter(e -> e.action().equals("login.failed")
        && e.subject().equals("can-bo-a")).findFirst().orElseThrow();
    assertEquals("an-tuong", failed.communeId(), "the commune's staff see attempts on their accounts");
    assertEquals("from 127.0.0.1", failed.detail());
    for (AuditLog.Entry e : entries) {
      String all = e.actor() + e.subject() + e.action() + e.detail();
      assertFalse(all.contains(wrong) || all.contains(PASSWORD), "no password in the audit log");
      assertFalse(all.contains("052190012345"), "a typed ID number is not written down");
    }
  }

  @Test
  void anIdNumberTypedAsAUserNameIsNotWrittenDownInAnyShapeAUserNameAllows() throws Exception {
    // VNeID signs people in with their ID number, so it is typed into the user name field too;
    // '.', '-' and '_' are allowed in user names, so the spaced-out shapes pass the name check.
    for (String typed : List.of("052.190.012.345", "0521-9001-2345", "052_190_012_345")) {
      assertEquals(401, new StaffClient(hub).login(typed, "sai-mat-khau-bi-mat-123").statusCode());
    }
    for (AuditLog.Entry e : hub.hub.audit.recent(null, 50)) {
      String all = e.actor() + e.subject() + e.action() + e.detail();
      assertFalse(all.replaceAll("[._-]", "").contains("052190012345"), all);
    }
  }

  @Test
  void theAuditLogCannotBeRewrittenOrDeletedThroughTheDatabase() throws Exception {
    hub.hub.audit.record("quan-tri", null, "test", "x", "original");
    try (Connection c = vn.giadinhso.hub.TestDatabase.connect(dir.resolve("hub.db"));
        Statement s = c.createStatement()) {
      SQLException update = assertThrows(SQLException.class, () -> s.executeUpdate("UPDATE audit_log SET detail = 'forged'"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM audit_log"));
      try (ResultSet rs = s.executeQuery("SELECT detail FROM audit_log WHERE action = 'test'")) {
        assertTrue(rs.next());
        assertEquals("original", rs.getString(1));
      }
      s.executeUpdate("INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-06-01T01:00:00Z', 'x', 'appended', 'y')");
    }
  }
}
