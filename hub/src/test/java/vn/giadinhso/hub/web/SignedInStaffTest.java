package vn.giadinhso.hub.web;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;

/**
 * One hub per test class, loaded with the demo data, with staff member "can-bo-a" of Ân Tường
 * signed in over real HTTP (the demo takes seconds to load, so the class shares it).
 */
abstract class SignedInStaffTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient staff;

  @BeforeAll
  static void startDemoHubAndSignIn() throws Exception {
    hub = new TestHub(dir);
    new DemoData(hub.hub).load();
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
  }

  @AfterAll
  static void stopHub() {
    hub.close();
  }
}
