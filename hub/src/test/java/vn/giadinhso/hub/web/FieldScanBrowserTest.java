package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.household.QrImage;

/**
 * Issue 15's camera scan in real headless Chromium: the fake camera
 * ({@code --use-file-for-fake-video-capture}) shows a household card the hub signed and rendered
 * (HouseholdCards, QrImage), the app decodes it on the phone with the vendored jsQR and opens that
 * household. A citizen ID card's QR text finds its member by masked name and last two digits on
 * the cached roster. At a mobile point's session the same camera checks the card in at once.
 * Skips when chromium is missing, unless REQUIRE_SYSTEM_TESTS=1.
 */
class FieldScanBrowserTest {
  static final String SESSION = "s-mobile-camera";

  @TempDir static Path dir;
  static TestHub hub;
  static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChromium.assumePresent();
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Đặng Thị Hồng,Đặng Văn Tư (052190004411); Đặng Thị Hồng (052196004455),,\n");
    // Today's session at a mobile point, for taking attendance by camera.
    FieldPhone.todaysMobileSession(hub, SESSION);
    Path card = dir.resolve("card.png");
    QrImage.writePng(hub.hub.cards.payload("an-tuong", "AT-T1-0002", LocalDate.now()), card, 360);
    Path video = dir.resolve("camera.y4m");
    writeY4m(ImageIO.read(card.toFile()), video);
    chromium = FieldPhone.start(hub, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        "--use-file-for-fake-video-capture=" + video);
    chromium.signIn(FieldPhone.ACCOUNT, FieldPhone.PASSWORD);
    FieldPhone.waitFor(chromium, "window.gdsField && window.gdsField.ready");
  }

  @AfterAll
  static void stop() {
    HeadlessChromium.close(chromium, hub);
  }

  @Test
  void theCameraReadsAHouseholdCardAndOpensTheHousehold() {
    chromium.find("#scan").click();
    FieldPhone.waitFor(chromium, "!document.getElementById('household').hidden");
    assertTrue(chromium.find("#household-title").getText().contains("AT-T1-0002"), chromium.find("#household-title").getText());
    assertTrue((Boolean) chromium.script("return document.getElementById('scanner').hidden;"), "the camera is off again");
    chromium.find("#back").click();
  }

  @Test
  void atAMobileSessionTheCameraChecksTheCardsHouseholdInOnce() {
    new Select(chromium.find("#attendance-session")).selectByValue(SESSION);
    try {
      chromium.find("#scan").click();
      FieldPhone.waitFor(chromium, "['Đã điểm danh', 'Đã gửi'].some(m => document.getElementById('message').textContent.includes(m))");
      assertTrue((Boolean) chromium.script("return document.getElementById('scanner').hidden;"), "the camera is off again");
      FieldPhone.waitFor(chromium, "document.getElementById('outbox-count').textContent === '0'");
      // The card holds a household, not a person: the household is checked in, once, though the
      // camera kept showing the card.
      assertEquals(List.of("h:AT-T1-0002"), hub.hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT person_key FROM attendance WHERE session_id = :s").bind("s", SESSION).mapTo(String.class).list()));
    } finally {
      new Select(chromium.find("#attendance-session")).selectByValue("");
    }
  }

  @Test
  void aCitizenIdQrFindsItsMemberByMaskedNameAndLastDigits() {
    Map<String, Object> found = identify("052196004455||Đặng Thị Hồng|01011996|Nữ|Tân Thành, Ân Tường|01072024");
    assertEquals("member", found.get("kind"));
    assertEquals("AT-T1-0002", found.get("code"));
    assertEquals(1L, found.get("seq"));
    // Same name, other digits: not this roster's person.
    assertEquals("notHere", identify("052196009999||Đặng Thị Hồng|01011996|Nữ|x|01072024").get("kind"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> identify(String qrText) {
    return (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) chromium.driver()).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/field/qr.js').then(m => done(m.identify(arguments[0], window.gdsField.state.roster)));
        """, qrText);
  }

  /** One still frame as a YUV4MPEG2 (4:2:0) file, the card centred on white, for Chromium's fake camera. */
  static void writeY4m(BufferedImage card, Path file) throws IOException {
    int w = 640;
    int h = 480;
    BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = frame.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    int size = Math.min(card.getWidth(), 440);
    g.drawImage(card, (w - size) / 2, (h - size) / 2, size, size, null);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\nFRAME\n").getBytes(StandardCharsets.US_ASCII));
    byte[] y = new byte[w * h];
    byte[] u = new byte[w * h / 4];
    byte[] v = new byte[w * h / 4];
    for (int row = 0; row < h; row++) {
      for (int col = 0; col < w; col++) {
        int rgb = frame.getRGB(col, row);
        int r = (rgb >> 16) & 0xff;
        int gr = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        y[row * w + col] = (byte) Math.round(0.299 * r + 0.587 * gr + 0.114 * b);
        if (row % 2 == 0 && col % 2 == 0) {
          int i = (row / 2) * (w / 2) + col / 2;
          u[i] = (byte) Math.round(128 - 0.168736 * r - 0.331264 * gr + 0.5 * b);
          v[i] = (byte) Math.round(128 + 0.5 * r - 0.418688 * gr - 0.081312 * b);
        }
      }
    }
    out.writeBytes(y);
    out.writeBytes(u);
    out.writeBytes(v);
    Files.write(file, out.toByteArray());
  }

}
