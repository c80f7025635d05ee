package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.protocol.KioskProtocol;

/**
 * A kiosk older than the hub serves is refused on every kiosk route with an answer it can show
 * staff, and its events are not taken; today's hub serves every kiosk release so far. The "newer
 * hub" is this hub's data served with its oldest protocol raised past the current one.
 */
class KioskProtocolTest {
  @TempDir Path dir;
  private TestHub hub;
  private Javalin newerHub;
  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    newerHub = HubHttp.create(hub.hub, "test", null, ClientAddress.none(), KioskProtocol.CURRENT + 1)
        .start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    newerHub.stop();
    hub.close();
  }

  @Test
  void todaysHubServesKiosksThatStateNoProtocolAndKiosksOfTheCurrentOne() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    String events = "/api/v1/kiosks/" + kiosk.kioskId() + "/events";
    assertEquals(200, send(hub.http, events, kiosk.token(), null, new Events().batch(2)).statusCode());
    assertEquals(200, send(hub.http, events, kiosk.token(), KioskProtocol.CURRENT, new Events().batch(2)).statusCode());
    assertEquals(4, hub.hub.events.count());
  }

  @Test
  void aKioskTooOldForTheHubIsRefusedWithACodeAndItsBatchIsNotStored() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    HttpResponse<String> refused = send(newerHub, "/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(),
        KioskProtocol.CURRENT, new Events().batch(5));
    assertEquals(403, refused.statusCode());
    JsonNode body = json.readTree(refused.body());
    assertEquals(KioskProtocol.TOO_OLD, body.path("code").asText());
    assertEquals(KioskProtocol.CURRENT + 1, body.path("minProtocol").asInt());
    assertEquals(KioskProtocol.CURRENT, body.path("kioskProtocol").asInt());
    assertTrue(body.path("error").asText().contains("update the kiosk"), body.toString());
    assertEquals(0, hub.hub.events.count());
    // Still seen, with its version, so the dashboard's kiosk list shows who waits for an update.
    assertEquals("0.9.0", hub.hub.kiosks.status(kiosk.kioskId()).orElseThrow().version());

    HttpResponse<String> sync = send(newerHub, "/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token(), null, null);
    assertEquals(403, sync.statusCode());
    assertEquals(KioskProtocol.TOO_OLD, json.readTree(sync.body()).path("code").asText());
  }

  @Test
  void enrolmentIsRefusedBeforeTheCodeIsUsedUp() throws Exception {
    String code = hub.hub.kiosks.newEnrolmentCode(TestHub.POINT);
    String body = "{\"code\":\"" + code + "\"}";
    HttpResponse<String> refused = send(newerHub, "/api/v1/kiosks/enrol", null, KioskProtocol.CURRENT, body);
    assertEquals(403, refused.statusCode());
    assertEquals(KioskProtocol.TOO_OLD, json.readTree(refused.body()).path("code").asText());
    assertEquals(201, send(hub.http, "/api/v1/kiosks/enrol", null, KioskProtocol.CURRENT, body).statusCode(),
        "the code still works once the kiosk is updated");
  }

  private HttpResponse<String> send(Javalin server, String path, String token, Integer protocol, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("X-Kiosk-Version", "0.9.0");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (protocol != null) {
      request.header(KioskProtocol.HEADER, protocol.toString());
    }
    request = body == null ? request.GET()
        : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
