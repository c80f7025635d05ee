package vn.giadinhso.hub.language;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Publishing language packs beside lesson packs, and kiosks finding and fetching them through sync (both databases). */
class LanguagePacksTest {
  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  final ObjectMapper json = new ObjectMapper();
  final LanguagePackReader reader = new LanguagePackReader();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    kiosk = hub.enrolDirectly(TestHub.POINT);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private Path pack(String code, int version, String title) throws IOException {
    Path folder = dir.resolve(code + "-" + version + "-" + title.length());
    Files.createDirectories(folder.resolve("lessons"));
    Files.writeString(folder.resolve("pack.json"), "{\"code\":\"" + code + "\",\"version\":" + version
        + ",\"name\":\"Xtest\",\"nameVi\":\"Ngôn ngữ thử\"}", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("kiosk.properties"), "welcome.title=" + title + "\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("lessons/hotline-1022.json"), "{\"title\":\"XT\"}", StandardCharsets.UTF_8);
    return folder;
  }

  @Test
  void aPublishedLanguageIsListedInEverySyncAndDownloadsIntact() throws Exception {
    JsonNode none = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body());
    assertEquals(0, none.get("languagePacks").size(), "no language shipped beyond the kiosk's own vi and en");

    var loaded = reader.read(pack("x-test", 1, "XT"));
    assertTrue(hub.hub.languagePacks.save(loaded.pack(), loaded.zip()));
    JsonNode page = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body());
    JsonNode listed = page.get("languagePacks").get(0);
    assertEquals("x-test", listed.get("code").asText());
    assertEquals(1, listed.get("version").asInt());
    assertEquals("Xtest", listed.get("name").asText());

    HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            hub.uri("/api/v1/kiosks/" + kiosk.kioskId() + "/language-packs/x-test/1"))
        .header("Authorization", "Bearer " + kiosk.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    String sha = sha256(download.body());
    assertEquals(listed.get("sha256").asText(), sha);
    assertEquals(listed.get("size").asLong(), download.body().length);
    assertEquals(401, hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/language-packs/x-test/1", null).statusCode());
    assertEquals(404, hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/language-packs/x-test/9", kiosk.token())
        .statusCode());

    var v2 = reader.read(pack("x-test", 2, "XT two"));
    assertTrue(hub.hub.languagePacks.save(v2.pack(), v2.zip()));
    JsonNode next = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since="
        + page.get("cursor").asText(), kiosk.token()).body());
    assertEquals(1, next.get("languagePacks").size(), "every sync lists the newest version of each language");
    assertEquals(2, next.get("languagePacks").get(0).get("version").asInt());
  }

  @Test
  void republishingTheSameFolderChangesNothingButOtherContentNeedsANewVersion() throws Exception {
    var first = reader.read(pack("x-test", 1, "XT"));
    var again = reader.read(pack("x-test", 1, "XT"));
    assertArrayEquals(first.zip(), again.zip(), "zipping a folder is deterministic");
    assertTrue(hub.hub.languagePacks.save(first.pack(), first.zip()));
    assertFalse(hub.hub.languagePacks.save(again.pack(), again.zip()));
    var changed = reader.read(pack("x-test", 1, "XT changed"));
    var refused = assertThrows(IllegalArgumentException.class,
        () -> hub.hub.languagePacks.save(changed.pack(), changed.zip()));
    assertTrue(refused.getMessage().contains("raise its version"));
  }

  @Test
  void unsafeOrMalformedPacksAreRefusedWithTheReason() throws Exception {
    assertRefused(zip("../../etc/passwd", "x", "pack.json", "{}"), "unsafe path");
    assertRefused(zip("kiosk.properties", "a=b"), "no pack.json");
    assertRefused(zip("pack.json", "{\"code\":\"vi\",\"version\":1,\"name\":\"a\",\"nameVi\":\"b\"}"), "built into the kiosk");
    assertRefused(zip("pack.json", "{\"code\":\"Bad Code\",\"version\":1,\"name\":\"a\",\"nameVi\":\"b\"}"), "code must be");
    assertRefused(zip("pack.json", "{\"code\":\"x-test\",\"version\":1,\"name\":\"a\"}"), "nameVi");
    assertRefused(zip("pack.json", "{\"code\":\"x-test\",\"version\":1,\"name\":\"a\",\"nameVi\":\"b\"}",
        "run.sh", "rm -rf /"), "does not belong in a language pack");
    assertRefused("not a zip at all".getBytes(StandardCharsets.UTF_8), "no pack.json");
  }

  private void assertRefused(byte[] zip, String reason) {
    IOException e = assertThrows(IOException.class, () -> reader.read(zip, "upload.zip"));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
