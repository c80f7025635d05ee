package vn.giadinhso.hub.lesson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.giadinhso.hub.pack.TestZips.sha256;
import static vn.giadinhso.hub.pack.TestZips.zip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.kiosk.Enrolment;

/** Publishing lesson packs and kiosks fetching them through sync. */
class LessonPacksTest {
  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  final ObjectMapper json = new ObjectMapper();
  final LessonPackReader reader = new LessonPackReader();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    kiosk = hub.enrolDirectly(TestHub.POINT);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private Path pack(String id, int version, String extraText) throws IOException {
    Path folder = dir.resolve(id + "-" + version + extraText.length());
    Files.createDirectories(folder.resolve("images"));
    Files.writeString(folder.resolve("lesson.json"), "{\"id\":\"" + id + "\",\"version\":" + version
        + ",\"title\":{\"vi\":\"Kích hoạt VNeID mức 2\",\"en\":\"Activate VNeID level 2\"},"
        + "\"criteria\":[\"vneid-level2\"],\"steps\":[]}", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("images/phone.svg"), "<svg>" + extraText + "</svg>");
    return folder;
  }

  @Test
  void aPublishedPackReachesKiosksThroughSyncAndDownloadsIntact() throws Exception {
    var loaded = reader.read(pack("vneid-level2", 1, ""));
    assertTrue(hub.hub.lessonPacks.save(loaded.pack(), loaded.zip()));
    JsonNode page = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body());
    JsonNode listed = page.get("lessonPacks").get(0);
    assertEquals("vneid-level2", listed.get("id").asText());
    assertEquals(1, listed.get("version").asInt());
    assertEquals("vneid-level2", listed.get("criteria").get(0).asText());

    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            hub.uri("/api/v1/kiosks/" + kiosk.kioskId() + "/lesson-packs/vneid-level2/1"))
        .header("Authorization", "Bearer " + kiosk.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertEquals("application/zip", download.headers().firstValue("Content-Type").orElse(""));
    String sha = sha256(download.body());
    assertEquals(listed.get("sha256").asText(), sha);
    assertEquals(listed.get("size").asLong(), download.body().length);

    JsonNode next = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since="
        + page.get("cursor").asText(), kiosk.token()).body());
    assertEquals(1, next.get("lessonPacks").size(), "every sync lists the current packs, so a missed download is retried");
    var v2 = reader.read(pack("vneid-level2", 2, "new pictures"));
    hub.hub.lessonPacks.save(v2.pack(), v2.zip());
    JsonNode after = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since="
        + next.get("cursor").asText(), kiosk.token()).body());
    assertEquals(1, after.get("lessonPacks").size());
    assertEquals(2, after.get("lessonPacks").get(0).get("version").asInt(), "only the newest version is listed");
  }

  @Test
  void republishingTheSameFolderChangesNothingButOtherContentNeedsANewVersion() throws Exception {
    var first = reader.read(pack("scam-calls", 1, ""));
    var again = reader.read(pack("scam-calls", 1, ""));
    assertArrayEquals(first.zip(), again.zip(), "zipping a folder is deterministic");
    assertTrue(hub.hub.lessonPacks.save(first.pack(), first.zip()));
    assertTrue(!hub.hub.lessonPacks.save(again.pack(), again.zip()));
    var changed = reader.read(pack("scam-calls", 1, "changed"));
    var refused = assertThrows(IllegalArgumentException.class, () -> hub.hub.lessonPacks.save(changed.pack(), changed.zip()));
    assertTrue(refused.getMessage().contains("raise its version"));
    var v2 = reader.read(pack("scam-calls", 2, "changed"));
    assertTrue(hub.hub.lessonPacks.save(v2.pack(), v2.zip()));
    assertEquals(2, hub.hub.lessonPacks.latest().get(0).version());
  }

  @Test
  void downloadsNeedTheKiosksTokenAndAnUnknownPackIs404() throws Exception {
    var loaded = reader.read(pack("hotline-1022", 1, ""));
    hub.hub.lessonPacks.save(loaded.pack(), loaded.zip());
    String route = "/api/v1/kiosks/" + kiosk.kioskId() + "/lesson-packs/hotline-1022/1";
    assertEquals(401, hub.get(route, null).statusCode());
    var missing = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/lesson-packs/hotline-1022/9", kiosk.token());
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("no lesson pack hotline-1022 version 9"), missing.body());
  }

  @Test
  void unsafeOrIncompletePacksAreRefused() throws Exception {
    Path traversal = dir.resolve("evil.zip");
    Files.write(traversal, zip("../../etc/passwd", "x", "lesson.json", "{}"));
    assertTrue(assertThrows(IOException.class, () -> reader.read(traversal)).getMessage().contains("unsafe path"));
    Path noLesson = dir.resolve("empty.zip");
    Files.write(noLesson, zip("images/a.png", "x"));
    assertTrue(assertThrows(IOException.class, () -> reader.read(noLesson)).getMessage().contains("no lesson.json"));
    Path badId = dir.resolve("bad.zip");
    Files.write(badId, zip("lesson.json", "{\"id\":\"Bad Id\",\"version\":1,\"title\":{\"vi\":\"a\",\"en\":\"b\"}}"));
    assertTrue(assertThrows(IOException.class, () -> reader.read(badId)).getMessage().contains("id must be"));
  }
}
