package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giadinhso.hub.Events;

/** Issue 10 point 9, the ingest side: odd input gets a 400 that says why, never a 500 or a log line. */
class KioskInputLimitsTest extends KioskRoutesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "after year 9999 once in UTC, 9999-12-31T23:59:59-14:00, must lie between 1970-01-01 and 9999-12-31",
      "before 1970,                 1969-12-31T23:59:59Z,      must lie between 1970-01-01 and 9999-12-31",
      "a leap second,               2016-12-31T23:59:60Z,      must be an ISO-8601 instant",
      "a five-digit year,           10000-01-01T00:00:00Z,     must be an ISO-8601 instant",
  })
  void anEventTimeOutOfRangeIs400NotA500(String what, String at, String expected) throws Exception {
    String id = events.newId();
    String event = "{\"id\":\"" + id + "\",\"type\":\"identified\",\"at\":\"" + at + "\",\"payload\":{}}";
    var response = hub.post(path, kiosk.token(), "{\"events\":[" + event + "]}");
    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertTrue(error.startsWith("events[0] (id " + id + "): field \"at\": " + expected), error);
    assertEquals(0, hub.hub.events.count());
    ok(hub.post(path, kiosk.token(), events.batch(1)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '^', value = {
      "a key twice in a payload    ^ {\"events\":[EVENT({\"householdCode\":\"AT-T1-0001\",\"householdCode\":\"AT-T1-0002\"})]} ^ events[0] (id ID): field \"payload.householdCode\" appears twice",
      "a key twice, nested         ^ {\"events\":[EVENT({\"m\":{\"a\":1,\"b\":2,\"c\":3,\"a\":4}})]}                            ^ events[0] (id ID): field \"payload.m.a\" appears twice",
      "events twice in the batch   ^ {\"events\":[],\"events\":[EVENT({})]}                                                     ^ field \"events\" appears twice",
  })
  void aRepeatedKeyIs400(String what, String body, String expected) throws Exception {
    String id = events.newId();
    String withEvent = body.replace("EVENT(", "{\"id\":\"" + id + "\",\"type\":\"identified\",\"at\":\"2026-11-21T01:30:00Z\",\"payload\":")
        .replace(")]", "}]");
    var response = hub.post(path, kiosk.token(), withEvent);
    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertEquals(expected.replace("ID", id), error);
    assertEquals(0, hub.hub.events.count());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '^', value = {
      "household code  ^ {\"householdCode\":\"AT-T1-0001\\n2026-11-21 forged log line\"} ^ field \"payload.householdCode\": an id may not hold control characters",
      "session id      ^ {\"sessionId\":\"s-1\\u0000\"}                                 ^ field \"payload.sessionId\": an id may not hold control characters",
      "criterion id    ^ {\"criteria\":[\"vneid-level2\\u001b[31m\"]}                    ^ field \"payload.criteria.0\": an id may not hold control characters",
      "lesson id       ^ {\"lessonId\":\"zalo\\u0085\"}                                  ^ field \"payload.lessonId\": an id may not hold control characters",
      "bidi override   ^ {\"householdCode\":\"AT-T1-\\u202e1000\"}                            ^ field \"payload.householdCode\": an id may not hold control characters",
      "line separator  ^ {\"sessionId\":\"s-1\\u2028forged\"}                          ^ field \"payload.sessionId\": an id may not hold control characters",
      "member hash     ^ {\"memberHash\":\"ab\\r\"}                                      ^ field \"payload.memberHash\": an id may not hold control characters",
      "a key           ^ {\"x\\ny\":1}                                                   ^ field \"payload\": a key holds a control character",
  })
  void controlCharactersInIdsAre400(String what, String payload, String expected) throws Exception {
    String id = events.newId();
    var response = hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(id, "lesson.completed", payload) + "]}");
    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertEquals("events[0] (id " + id + "): " + expected, error);
    assertFalse(error.chars().anyMatch(c -> c < 0x20 || (c >= 0x7F && c <= 0x9F)), error);
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void freeTextMayHoldANewline() throws Exception {
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(events.newId(), "support.requested",
        "{\"topic\":\"vneid\",\"note\":\"dòng một\\ndòng hai\"}") + "]}"));
    assertEquals(1, hub.hub.events.count());
  }

  @Test
  void anEventIdThatIsNotAUuidIsNotRepeatedInTheMessage() throws Exception {
    var response = hub.post(path, kiosk.token(),
        "{\"events\":[{\"id\":\"x\\n052190099903\",\"type\":\"identified\",\"at\":\"2026-11-21T01:30:00Z\",\"payload\":{}}]}");
    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertEquals("events[0]: field \"id\": must be a lower-case UUIDv7 (time-ordered)", error);
  }

  @Test
  void aControlCharacterInThePathsKioskIdIs400() throws Exception {
    var response = hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "%0Aforged/events", kiosk.token(), events.batch(1));
    assertEquals(400, response.statusCode(), response.body());
    assertTrue(response.body().contains("may not hold control characters"), response.body());
    assertEquals(0, hub.hub.events.count());
  }
}
