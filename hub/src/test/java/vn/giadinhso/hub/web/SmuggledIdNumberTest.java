package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.giadinhso.hub.Events;

/**
 * Issue 10 point 7: a kiosk's event carrying a citizen ID number in any shape is refused before it
 * reaches the log, with a message that names the event and the field but never the number.
 */
class SmuggledIdNumberTest extends KioskRoutesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '^', value = {
      "a plain string              ^ {\"member\":{\"id\":\"052190099903\"}}                            ^ payload.member.id",
      "a JSON number, 11 digits    ^ {\"x\":52190099903}                                                ^ payload.x",
      "a JSON number, 10 digits    ^ {\"x\":1099012345}                                                 ^ payload.x",
      "a JSON number, 12 digits    ^ {\"x\":123456789012}                                               ^ payload.x",
      "a JSON number as a float    ^ {\"x\":5.2190099903E10}                                            ^ payload.x",
      "a number in an array        ^ {\"scores\":[1,52190099903]}                                       ^ payload.scores.1",
      "an object key               ^ {\"seen\":{\"052190099903\":true}}                                  ^ payload.seen",
      "a raw CCCD QR string        ^ {\"raw\":\"052190099903||Trần Văn S|01011990|Nam|Ân Tường|01072024\"} ^ payload.raw",
      "a name ending in one        ^ {\"name\":\"Trần V. S. 052190099903\"}                              ^ payload.name",
      "spaced out                  ^ {\"note\":\"0521 9009 9903\"}                                       ^ payload.note",
      "dotted                      ^ {\"note\":\"0521.9009.9903\"}                                       ^ payload.note",
      "spaced out with tabs        ^ {\"note\":\"0521\\t9009\\t9903\"}                                   ^ payload.note",
      "full-width digits           ^ {\"note\":\"０５２１９００９９９０３\"}                                   ^ payload.note",
      "escaped full-width digits   ^ {\"note\":\"\\uff10\\uff15\\uff12\\uff11\\uff19\\uff10\\uff10\\uff19\\uff19\\uff19\\uff10\\uff13\"} ^ payload.note",
      "padded with a digit         ^ {\"note\":\"0521900999031\"}                                        ^ payload.note",
  })
  void anEventCarryingAnIdNumberIsRefusedNamingEventAndFieldNotTheNumber(String shape, String payload, String field)
      throws Exception {
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(events.newId(), "heartbeat", "{}") + "]}"));
    String valid = Events.event(events.newId(), "heartbeat", "{}");
    String id = events.newId();
    var response = hub.post(path, kiosk.token(), "{\"events\":[" + valid + ","
        + Events.event(id, "support.requested", payload) + "]}");

    assertEquals(400, response.statusCode(), response.body());
    String error = json.readTree(response.body()).get("error").asText();
    assertTrue(error.startsWith("events[1] (id " + id + "): field \"" + field + "\""), () -> "error was: " + error);
    assertTrue(error.contains("citizen ID number"), error);
    // The event's own (random) id may hold 10 digits in a row: look at the rest of the message.
    String rest = error.replace(id, "");
    assertFalse(rest.matches(".*\\d{10,}.*") || rest.contains("9009") || rest.contains("０"), error);
    assertEquals(1, hub.hub.events.count(), "the batch is refused whole, as the protocol says");
    assertNoIdNumberInTheLog();
  }

  @Test
  void aTypeNameHoldingAnIdNumberIsRefused() throws Exception {
    var response = hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "note.c052190099903", "{}") + "]}");
    assertEquals(400, response.statusCode(), response.body());
    assertFalse(response.body().contains("052190099903"), response.body());
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void aNumberWithALeadingZeroIsMalformedJsonAndTheMessageDoesNotRepeatIt() throws Exception {
    var response = hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "heartbeat", "{\"x\":052190099903}") + "]}");
    assertEquals(400, response.statusCode(), response.body());
    // Any event id (a random UUID) the message names may hold 10 digits in a row: look past it.
    String rest = response.body().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "");
    assertFalse(rest.matches("(?s).*\\d{10,}.*"), response.body());
    assertEquals(0, hub.hub.events.count());
  }

  @Test
  void ordinaryNumbersPhonesTimesAndIdsAreStoredAsSent() throws Exception {
    String payload = "{\"phone\":\"0912 345 678\",\"phoneIntl\":\"+84 912 345 678\",\"epoch\":1764500000,"
        + "\"epochMillis\":1764500000000,\"sessionId\":\"s-an-tuong-nvh-20261125\",\"ref\":\"" + events.newId() + "\","
        + "\"memberHash\":\"965e39e2a41b0c5d0123456789012345e7f1a2b3c4d5e6f708192a3b4c5d6e7f\","
        + "\"when\":\"2026-11-21T08:30:00+07:00\",\"durationSeconds\":754,\"score\":0.85}";
    String id = events.newId();
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(id, "note", payload) + "]}"));
    List<String> stored = new ArrayList<>();
    hub.hub.events.forEach(null, null, e -> stored.add(e.payload()));
    assertEquals(List.of(payload), stored);
  }

  private void assertNoIdNumberInTheLog() {
    List<String> payloads = hub.hub.db.reader().withHandle(h ->
        h.createQuery("SELECT type || ' ' || payload FROM event").mapTo(String.class).list());
    for (String p : payloads) {
      assertFalse(p.contains("52190099903") || p.contains("1099012345") || p.contains("9009")
          || p.contains("\uff10") || p.contains("uff10"), p);
    }
  }
}
