package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.QrReading;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;

/** The enrolment QR on the kiosks page carries the hub's public address when it has one. */
class EnrolmentQrTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @Test
  void withAPublicUrlTheQrHoldsAddressAndCodeWithoutJustTheCode(@TempDir Path dir) throws Exception {
    String withUrl = enrolmentQr(dir.resolve("a"), URI.create("https://hub.xa-antuong.vn"));
    Matcher m = Pattern.compile("GDSE1\\|https://hub\\.xa-antuong\\.vn\\|([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")
        .matcher(withUrl);
    assertTrue(m.matches(), withUrl);

    String bare = enrolmentQr(dir.resolve("b"), null);
    assertTrue(bare.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), bare);
  }

  /** Signs in as an admin (only admins mint codes), asks for a code for the point, and reads the QR the page shows. */
  private static String enrolmentQr(Path dir, URI publicUrl) throws Exception {
    try (TestHub hub = new TestHub(dir, Clock.systemUTC(), publicUrl)) {
      hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
      StaffClient staff = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
      String page = staff.postForm("/dashboard/c/an-tuong/kiosks/enrol", Map.of("point", TestHub.POINT)).body();
      Matcher code = Pattern.compile("id=\"enrolment-code\">([^<]+)<").matcher(page);
      assertTrue(code.find(), page);
      Matcher png = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page);
      assertTrue(png.find(), page);
      String read = QrReading.read(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png.group(1)))));
      assertTrue(read.endsWith(code.group(1)), read);
      assertEquals(publicUrl != null, page.contains("ki-ốt nhận cả mã và địa chỉ máy chủ"), page);
      return read;
    }
  }
}
