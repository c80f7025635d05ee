package vn.giadinhso.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.kiosk.Enrolment;

/**
 * {@code /metrics} as a Prometheus server scrapes it: on its own port with a token, over real
 * HTTP, on SQLite and PostgreSQL (TestDatabase).
 */
class MetricsEndpointTest {
  private static final String TOKEN = "s3cret-scrape-token-0123456789";
  @TempDir Path dir;
  private TestHub hub;
  private Javalin metricsPort;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    metricsPort = MetricsHttp.create(hub.hub.metrics, Optional.of(TOKEN)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    metricsPort.stop();
    hub.close();
  }

  @Test
  void isNotOnThePublicPortAndRefusesAScrapeWithoutTheToken() throws Exception {
    assertEquals(404, hub.get("/metrics", null).statusCode(), "the kiosks' and staff's port serves no metrics");
    assertEquals(401, scrape(null).statusCode());
    assertEquals(401, scrape("wrong-token-wrong-token").statusCode());
    HttpResponse<String> ok = scrape(TOKEN);
    assertEquals(200, ok.statusCode());
    assertTrue(ok.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
  }

  @Test
  void aBatchOfNEventsAddsNToTheIngestCounterAndOneBatchSizeObservation() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    Scrape before = new Scrape(scrape(TOKEN).body());
    String batch = new Events().batch(25);
    assertEquals(200, hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), batch).statusCode());
    Scrape after = new Scrape(scrape(TOKEN).body());

    assertEquals(before.value("giadinhso_ingest_events_total") + 25, after.value("giadinhso_ingest_events_total"));
    assertEquals(before.value("giadinhso_ingest_batch_size_count") + 1, after.value("giadinhso_ingest_batch_size_count"));
    assertEquals(before.value("giadinhso_ingest_batch_size_sum") + 25, after.value("giadinhso_ingest_batch_size_sum"));

    // The same batch again (a kiosk that lost the answer): nothing new, 25 duplicates skipped.
    assertEquals(200, hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), batch).statusCode());
    Scrape again = new Scrape(scrape(TOKEN).body());
    assertEquals(after.value("giadinhso_ingest_events_total"), again.value("giadinhso_ingest_events_total"));
    assertEquals(before.value("giadinhso_ingest_duplicates_total") + 25, again.value("giadinhso_ingest_duplicates_total"));
  }

  @Test
  void requestsAreCountedByRouteTemplateWithoutKioskIdsOrHouseholdCodes() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), new Events().batch(3));
    hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), "{\"events\": 7}");
    hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token());
    hub.get("/api/v1/no-such-route/AT-T1-0001", null);
    String text = scrape(TOKEN).body();
    Scrape s = new Scrape(text);

    String events = "route=\"/api/v1/kiosks/{kioskId}/events\"";
    assertTrue(s.has("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\"," + events + ",status=\"200\"}"), text);
    assertTrue(s.has("http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\"," + events + ",status=\"400\"}"), text);
    assertTrue(s.has("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\",route=\"/api/v1/kiosks/{kioskId}/sync\",status=\"200\"}"), text);
    assertTrue(s.has("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",route=\"unmatched\",status=\"404\"}"), text);
    assertFalse(text.contains(kiosk.kioskId()), "a kiosk id in the metrics");
    assertFalse(text.contains("AT-T1-"), "a household code in the metrics");
  }

  @Test
  void showsKiosksByLastSeenAgeTheDatabasePoolAndTheJvm() throws Exception {
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token());
    Scrape s = new Scrape(scrape(TOKEN).body());
    assertEquals(1, s.value("giadinhso_kiosks{last_seen=\"lt_1h\"}"), s.text());
    assertEquals(0, s.value("giadinhso_kiosks{last_seen=\"gt_7d\"}"));
    assertTrue(s.has("hikaricp_connections_active{pool="), s.text());
    assertTrue(s.has("jvm_memory_used_bytes{"), s.text());
    assertTrue(s.has("jvm_threads_live_threads"), s.text());
    assertTrue(s.has("jvm_gc_"), s.text());
  }

  private HttpResponse<String> scrape(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort.port() + "/metrics"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
