package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.kiosk.Enrolment;

/** A fresh hub over real HTTP with one kiosk enrolled at {@link TestHub#POINT}, for tests of the kiosk routes. */
abstract class KioskRoutesTest {
  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  /** The kiosk's own events route. */
  String path;
  final Events events = new Events();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void startHubAndEnrolKiosk() {
    hub = new TestHub(dir);
    kiosk = hub.enrolDirectly(TestHub.POINT);
    path = "/api/v1/kiosks/" + kiosk.kioskId() + "/events";
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  JsonNode ok(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }
}
