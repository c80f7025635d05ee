package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.lesson.LessonPack;

/**
 * Issue 12: lesson packs in the browser over real HTTP. Every signed-in account sees what is
 * published; an admin publishes a new version by uploading its zip, kiosks list it at their next
 * sync; an older version, the same version with other content and a broken zip are refused.
 */
class LessonAdminTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";

  @TempDir Path dir;
  TestHub hub;
  StaffClient admin;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    hub = new TestHub(dir);
    hub.hub.users.create("quan-tri", PASSWORD, Assignment.admin());
    admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  /** A pack's zip; entries carry a fixed time, so the same content always gives the same bytes. */
  static byte[] pack(String id, int version, String picture) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(entry("lesson.json"));
      zip.write(("{\"id\":\"" + id + "\",\"version\":" + version
          + ",\"title\":{\"vi\":\"Kích hoạt VNeID mức 2\",\"en\":\"Activate VNeID level 2\"},"
          + "\"criteria\":[\"vneid-level2\"],\"steps\":[]}").getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(entry("images/phone.svg"));
      zip.write(("<svg>" + picture + "</svg>").getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(java.time.Instant.parse("2026-01-02T00:00:00Z").toEpochMilli());
    return entry;
  }

  HttpResponse<String> publish(StaffClient client, byte[] zip) throws Exception {
    return MultipartUpload.post(hub, client, "/dashboard/lessons", "vneid.zip", zip);
  }

  List<LessonPack> published() {
    return hub.hub.lessonPacks.latest();
  }

  @Test
  void anAdminPublishesAPackThatKiosksListAtTheirNextSync() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    HttpResponse<String> done = publish(admin, pack("vneid-web", 1, ""));
    assertEquals(303, done.statusCode(), done.body());
    assertEquals("/dashboard/lessons?published=vneid-web&version=1", done.headers().firstValue("Location").orElse(""));

    HttpResponse<String> page = admin.get("/dashboard/lessons?published=vneid-web&version=1");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"lessons-published\""));
    assertTrue(page.body().contains("<tr data-pack=\"vneid-web\" data-version=\"1\">"), page.body());
    assertTrue(page.body().contains("Kích hoạt VNeID mức 2"));
    assertTrue(page.body().contains("Có tài khoản định danh điện tử VNeID mức độ 2"), "the criterion it teaches, by name");

    JsonNode sync = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body());
    assertEquals("vneid-web", sync.get("lessonPacks").get(0).get("id").asText());
    assertEquals(1, sync.get("lessonPacks").get(0).get("version").asInt());

    AuditLog.Entry entry = hub.hub.audit.recent(null, 5).get(0);
    assertEquals("lessons.published", entry.action());
    assertEquals("quan-tri", entry.actor());
    assertEquals("vneid-web version 1", entry.subject());
  }

  @Test
  void anOlderOrReusedVersionAndABrokenZipAreRefused() throws Exception {
    assertEquals(303, publish(admin, pack("vneid-web", 2, "")).statusCode());
    HttpResponse<String> older = publish(admin, pack("vneid-web", 1, ""));
    assertEquals(400, older.statusCode());
    assertTrue(older.body().contains("vneid-web phiên bản 1 không mới hơn phiên bản đã phát hành (2)"), older.body());
    HttpResponse<String> reused = publish(admin, pack("vneid-web", 2, "other pictures"));
    assertEquals(400, reused.statusCode());
    assertTrue(reused.body().contains("không mới hơn"), reused.body());
    HttpResponse<String> same = publish(admin, pack("vneid-web", 2, ""));
    assertEquals(400, same.statusCode());
    assertTrue(same.body().contains("đã được phát hành với đúng nội dung này"), same.body());
    HttpResponse<String> broken = publish(admin, "not a zip".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, broken.statusCode());
    assertTrue(broken.body().contains("Gói bài học không hợp lệ, chưa phát hành"), broken.body());
    assertTrue(broken.body().contains("no lesson.json"), broken.body());

    assertEquals(1, published().size());
    assertEquals(2, published().get(0).version());
    assertEquals(1, hub.hub.lessonPacks.history().size(), "nothing but version 2 was stored");
  }

  @Test
  void otherAccountsSeeWhatIsPublishedButCannotPublish() throws Exception {
    assertEquals(303, publish(admin, pack("vneid-web", 1, "")).statusCode());
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("tinh-gl", PASSWORD, Assignment.province("52"));
    for (String name : List.of("can-bo-a", "tinh-gl")) {
      StaffClient client = StaffClient.signedIn(hub, name, PASSWORD);
      HttpResponse<String> page = client.get("/dashboard/lessons");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("data-pack=\"vneid-web\""));
      assertFalse(page.body().contains("lessons-upload"), "no form the account could not submit");
      assertEquals(403, publish(client, pack("vneid-web", 2, "")).statusCode(), name);
    }
    assertEquals(1, published().get(0).version());
  }
}
