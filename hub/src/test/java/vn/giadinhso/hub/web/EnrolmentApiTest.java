package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;

class EnrolmentApiTest {
  @TempDir Path dir;
  TestHub hub;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void healthAnswersOk() throws Exception {
    var response = hub.get("/api/v1/health", null);
    assertEquals(200, response.statusCode());
    assertEquals("ok", json.readTree(response.body()).get("status").asText());
  }

  @Test
  void aCodeEnrolsOneKioskWithEverythingItNeedsOffline() throws Exception {
    String code = hub.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    var response = hub.post("/api/v1/kiosks/enrol", null, "{\"code\":\"" + code + "\"}");
    assertEquals(201, response.statusCode(), response.body());
    JsonNode body = json.readTree(response.body());
    assertTrue(body.get("kioskId").asText().startsWith("k-"));
    assertTrue(body.get("token").asText().length() >= 40);
    assertEquals(hub.hub.secrets.publicKeyText(), body.get("hubPublicKey").asText());
    assertEquals(TestHub.POINT, body.get("supportPointId").asText());
    assertEquals("an-tuong", body.get("communeId").asText());
    assertTrue(body.path("memberHashKey").isMissingNode(), "the old single key field is gone");
    assertEquals(1, body.get("memberKeys").size());
    assertEquals(1, body.get("memberKeys").get(0).get("version").asInt());
    assertEquals(44, body.get("memberKeys").get(0).get("key").asText().length());
    assertEquals(hub.hub.secrets.sealingKeyText(), body.get("hubSealingKey").asText());
    // The token works at once.
    var sync = hub.get("/api/v1/kiosks/" + body.get("kioskId").asText() + "/sync", body.get("token").asText());
    assertEquals(200, sync.statusCode());
  }

  @Test
  void codesAreSingleUseAndForgivingOfHowTheyAreTyped() throws Exception {
    String code = hub.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    String typed = code.toLowerCase().replace("-", " ");
    assertEquals(201, hub.post("/api/v1/kiosks/enrol", null, "{\"code\":\"" + typed + "\"}").statusCode());
    var again = hub.post("/api/v1/kiosks/enrol", null, "{\"code\":\"" + code + "\"}");
    assertEquals(409, again.statusCode());
    assertTrue(json.readTree(again.body()).get("error").asText().contains("already used"));
  }

  @Test
  void unknownCodeIs401WithAClearMessage() throws Exception {
    var response = hub.post("/api/v1/kiosks/enrol", null, "{\"code\":\"ZZZZ-ZZZZ-ZZZZ\"}");
    assertEquals(401, response.statusCode());
    assertTrue(json.readTree(response.body()).get("error").asText().contains("not known"));
  }

  @Test
  void malformedEnrolmentBodyIs400() throws Exception {
    assertEquals(400, hub.post("/api/v1/kiosks/enrol", null, "{code:").statusCode());
    assertEquals(400, hub.post("/api/v1/kiosks/enrol", null, "{\"code\":42}").statusCode());
  }

  @Test
  void expiredCodeIsRefused(@TempDir Path other) throws Exception {
    Instant issued = Instant.parse("2026-11-01T00:00:00Z");
    String code;
    try (TestHub past = new TestHub(other, Clock.fixed(issued, ZoneOffset.UTC))) {
      code = past.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    }
    try (TestHub later = new TestHub(other, Clock.fixed(issued.plus(Duration.ofDays(15)), ZoneOffset.UTC))) {
      var response = later.post("/api/v1/kiosks/enrol", null, "{\"code\":\"" + code + "\"}");
      assertEquals(401, response.statusCode());
      assertTrue(response.body().contains("expired"));
    }
  }

  @Test
  void unknownRouteIsJson404() throws Exception {
    var response = hub.get("/api/v1/nothing", null);
    assertEquals(404, response.statusCode());
    assertTrue(json.readTree(response.body()).has("error"));
  }
}
