package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.kiosk.Enrolment;

class EventsApiTest extends KioskRoutesTest {
  @Test
  void aBatchIsStoredAndARetryCountsAsDuplicates() throws Exception {
    String batch = events.batch(50);
    JsonNode first = ok(hub.post(path, kiosk.token(), batch));
    assertEquals(50, first.get("accepted").asInt());
    assertEquals(0, first.get("duplicates").asInt());
    JsonNode retry = ok(hub.post(path, kiosk.token(), batch));
    assertEquals(0, retry.get("accepted").asInt());
    assertEquals(50, retry.get("duplicates").asInt());
    assertEquals(50, hub.hub.events.count());
  }

  @Test
  void theSameBatchPostedBy8ThreadsAtOnceIsStoredOnce() throws Exception {
    String batch = events.batch(400);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<JsonNode>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> {
        go.await();
        return ok(hub.post(path, kiosk.token(), batch));
      }));
    }
    go.countDown();
    int accepted = 0;
    int duplicates = 0;
    for (Future<JsonNode> answer : answers) {
      accepted += answer.get().get("accepted").asInt();
      duplicates += answer.get().get("duplicates").asInt();
    }
    pool.shutdown();
    assertEquals(400, accepted);
    assertEquals(7 * 400, duplicates);
    assertEquals(400, hub.hub.events.count());
  }

  @Test
  void aBatchMixingNewAndKnownEventsStoresOnlyTheNewOnes() throws Exception {
    String known = events.newId();
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(known, "heartbeat", "{}") + "]}"));
    JsonNode mixed = ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(known, "heartbeat", "{}") + ","
        + Events.event(events.newId(), "heartbeat", "{\"backlog\":0}") + "]}"));
    assertEquals(1, mixed.get("accepted").asInt());
    assertEquals(1, mixed.get("duplicates").asInt());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "malformed JSON            | {\"events\":[{\"id\":                                  | malformed JSON",
      "not an object             | []                                                     | JSON object",
      "events not an array       | {\"events\":{}}                                        | \"events\"",
      "event not an object       | {\"events\":[42]}                                      | events[0]: must be an object",
      "id missing                | {\"events\":[{\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | events[0]: field \"id\": missing",
      "id not a UUID             | {\"events\":[{\"id\":\"abc\",\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | field \"id\": must be a lower-case UUIDv7",
      "id a random v4 UUID       | {\"events\":[{\"id\":\"3f1d6c2e-8a4b-4c1d-9e2f-0a1b2c3d4e5f\",\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | UUIDv7",
      "type with capitals        | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"Heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | field \"type\"",
      "at not an instant         | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"heartbeat\",\"at\":\"21/11/2026\",\"payload\":{}}]} | field \"at\"",
      "payload missing           | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\"}]} | field \"payload\"",
      "unknown field             | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{},\"extra\":1}]} | unknown field \"extra\"",
      "field given twice        | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"heartbeat\",\"type\":\"x\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | field \"type\" appears twice",
      "upper-case UUID          | {\"events\":[{\"id\":\"019AA5C0-0000-7000-8000-000000000001\",\"type\":\"heartbeat\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{}}]} | UUIDv7",
      "plain citizen ID number   | {\"events\":[{\"id\":\"019aa5c0-0000-7000-8000-000000000001\",\"type\":\"identified\",\"at\":\"2026-11-21T01:00:00Z\",\"payload\":{\"member\":{\"id\":\"052190012345\"}}}]} | payload.member.id\": looks like a plain citizen ID",
  })
  void anInvalidBatchIs400NamingEventAndFieldAndStoresNothing(String name, String body, String expected)
      throws Exception {
    // A valid event first: it must not be stored either, since the batch is refused whole.
    String valid = Events.event(events.newId(), "heartbeat", "{}");
    String withValidFirst = body.startsWith("{\"events\":[{") ? body.replace("{\"events\":[", "{\"events\":[" + valid + ",") : body;
    String expectedWithIndex = withValidFirst.equals(body) ? expected : expected.replace("events[0]", "events[1]");
    var response = hub.post(path, kiosk.token(), withValidFirst);
    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertTrue(error.contains(expectedWithIndex), () -> "error was: " + error);
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void moreThan1000EventsIs413() throws Exception {
    var response = hub.post(path, kiosk.token(), events.batch(1001));
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("at most 1000 events"));
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void moreThan1MiBIs413() throws Exception {
    String padding = "x".repeat(1024 * 1024);
    String body = "{\"events\":[" + Events.event(events.newId(), "note", "{\"text\":\"" + padding + "\"}") + "]}";
    var response = hub.post(path, kiosk.token(), body);
    assertEquals(413, response.statusCode());
    assertTrue(response.body().contains("1 MiB"));
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void missingOrWrongTokenIs401() throws Exception {
    String batch = events.batch(1);
    assertEquals(401, hub.post(path, null, batch).statusCode());
    assertEquals(401, hub.post(path, "not-a-token", batch).statusCode());
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void anotherKiosksIdIs403() throws Exception {
    Enrolment other = hub.enrolDirectly(TestHub.POINT);
    var response = hub.post("/api/v1/kiosks/" + other.kioskId() + "/events", kiosk.token(), events.batch(1));
    assertEquals(403, response.statusCode());
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void aRevokedKioskIsRefused() throws Exception {
    hub.hub.kiosks.revoke(kiosk.kioskId());
    assertEquals(401, hub.post(path, kiosk.token(), events.batch(1)).statusCode());
  }

  /** The visit is recorded with the batch's own transaction, and also when the batch is refused. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"a new batch, 200", "a retried batch, 200", "malformed JSON, 400", "an empty object, 400"})
  void everyRequestRecordsLastSeenVersionBacklogAndReader(String what, int expectedStatus) throws Exception {
    String body = switch (what) {
      case "a new batch" -> events.batch(1);
      case "a retried batch" -> {
        String batch = events.batch(3);
        ok(hub.post(path, kiosk.token(), batch));
        yield batch;
      }
      case "malformed JSON" -> "{\"events\":[";
      default -> "{}";
    };
    var request = java.net.http.HttpRequest.newBuilder(hub.uri(path))
        .header("Authorization", "Bearer " + kiosk.token())
        .header("X-Kiosk-Version", "0.3.1")
        .header("X-Kiosk-Backlog", "17")
        .header("X-Kiosk-Reader", "connected")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(expectedStatus, response.statusCode(), response.body());
    var status = hub.hub.kiosks.status(kiosk.kioskId()).orElseThrow();
    assertEquals("0.3.1", status.version());
    assertEquals(17, status.backlog());
    assertEquals("connected", status.readerState());
    assertTrue(status.lastSeenAt() != null);
  }

  @Test
  void anOversizedBodyStillRecordsTheVisit() throws Exception {
    var request = java.net.http.HttpRequest.newBuilder(hub.uri(path))
        .header("Authorization", "Bearer " + kiosk.token())
        .header("X-Kiosk-Backlog", "4000")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])).build();
    var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(413, response.statusCode(), response.body());
    assertEquals(4000, hub.hub.kiosks.status(kiosk.kioskId()).orElseThrow().backlog());
    assertEquals(0, hub.hub.events.count());
  }
}
