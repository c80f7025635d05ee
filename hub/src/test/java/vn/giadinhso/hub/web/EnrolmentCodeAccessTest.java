package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/** Issue 10.1: one commune staff account alone cannot obtain a working kiosk credential. */
class EnrolmentCodeAccessTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final Pattern CODE = Pattern.compile("id=\"enrolment-code\">([^<]+)<");

  @TempDir static Path dir;
  static TestHub hub;

  @BeforeAll
  static void start() {
    hub = new TestHub(dir);
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void staffSeeTheKiosksButNoCodeFormAndPostingItDirectlyIs403() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    String page = staff.get("/dashboard/c/an-tuong/kiosks").body();
    assertTrue(page.contains("id=\"kiosks\""), page);
    assertFalse(page.contains("/kiosks/enrol"), page);
    assertTrue(page.contains("Chỉ quản trị viên tạo được mã đăng ký ki-ốt mới"), page);

    // A valid session and CSRF token, the form posted by hand: still refused, and no code issued.
    assertTrue(staff.csrf() != null);
    HttpResponse<String> refused = staff.postForm("/dashboard/c/an-tuong/kiosks/enrol", Map.of("point", TestHub.POINT));
    assertEquals(403, refused.statusCode());
    assertFalse(CODE.matcher(refused.body()).find());
    assertTrue(hub.hub.audit.recent("an-tuong", 50).stream().noneMatch(e -> e.action().equals("kiosk.code")));
  }

  @Test
  void anAdminGetsACodeThatEnrolsAKiosk() throws Exception {
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    HttpResponse<String> page = admin.postForm("/dashboard/c/an-tuong/kiosks/enrol", Map.of("point", TestHub.POINT));
    assertEquals(200, page.statusCode());
    Matcher code = CODE.matcher(page.body());
    assertTrue(code.find(), page.body());
    HttpResponse<String> enrolled = hub.post("/api/v1/kiosks/enrol", null, "{\"code\":\"" + code.group(1) + "\"}");
    assertEquals(201, enrolled.statusCode(), enrolled.body());
  }
}
