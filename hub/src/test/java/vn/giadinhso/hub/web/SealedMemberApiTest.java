package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberSeal;

/** Kiosks send member hashes sealed to the hub; the log stores the plain hash as before. */
class SealedMemberApiTest extends KioskRoutesTest {
  private static final String ID = "052190012345";

  @BeforeEach
  void sessionsOfTheKiosksCommune() {
    // Check-ins for a session outside the kiosk's commune are logged but not counted (hub-009).
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    for (String id : List.of("s1", "s2")) {
      hub.hub.schedule.saveSession(new Session(id, TestHub.POINT, start, start.plusSeconds(7200),
          "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    }
  }

  private String sealedFor(String idNumber) {
    byte[] hash = hub.hub.memberKeys.chain("an-tuong").current(idNumber);
    return MemberSeal.seal(MemberSeal.publicKey(hub.hub.secrets.sealingKeyText()), 1, hash);
  }

  private List<JsonNode> stored(String type) {
    List<JsonNode> out = new ArrayList<>();
    hub.hub.events.forEach(null, type, e -> {
      try {
        out.add(json.readTree(e.payload()));
      } catch (Exception bad) {
        throw new IllegalStateException(bad);
      }
    });
    return out;
  }

  private int attendance(String session) {
    return hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT count(*) FROM attendance WHERE session_id = :s")
        .bind("s", session).mapTo(Integer.class).one());
  }

  @Test
  void aSealedMemberIsStoredAsTheHubsMemberHashAndCountsOnce() throws Exception {
    String a = sealedFor(ID);
    String b = sealedFor(ID);
    assertFalse(a.equals(b), "each seal uses a fresh ephemeral key, so two scans of one card differ");
    String batch = "{\"events\":["
        + Events.event(events.newId(), "attendance.checked_in", "{\"sessionId\":\"s1\",\"memberSealed\":\"" + a + "\"}") + ","
        + Events.event(events.newId(), "attendance.checked_in", "{\"sessionId\":\"s1\",\"memberSealed\":\"" + b + "\"}") + ","
        + Events.event(events.newId(), "identified", "{\"method\":\"mrz\",\"result\":\"NOT_FOUND\",\"memberSealed\":\"" + a + "\"}")
        + "]}";
    assertEquals(3, ok(hub.post(path, kiosk.token(), batch)).get("accepted").asInt());
    String expected = hub.hub.memberKeys.hash("an-tuong", ID);
    for (JsonNode payload : stored(null)) {
      assertEquals(expected, payload.get("memberHash").asText(), payload.toString());
      assertFalse(payload.has("memberSealed"));
    }
    assertEquals(1, attendance("s1"), "one person, two sealed scans: counted once");
  }

  @Test
  void aPlainMemberHashFromAnOldKioskIsStillAccepted() throws Exception {
    String hash = hub.hub.memberKeys.hash("an-tuong", ID);
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + Events.event(events.newId(), "attendance.checked_in",
        "{\"sessionId\":\"s2\",\"memberHash\":\"" + hash + "\"}") + "]}"));
    assertEquals(hash, stored("attendance.checked_in").get(0).get("memberHash").asText());
    assertEquals(1, attendance("s2"));
  }

  @Test
  void aBoxSealedToAnotherHubIsRefusedWithAClearReasonAndNothingIsStored() throws Exception {
    byte[] hash = MemberIdHash.chain(List.of(new byte[32]), ID);
    String foreign = MemberSeal.seal(MemberSeal.generateKeyPair().getPublic(), 1, hash);
    var response = hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "heartbeat", "{}") + ","
        + Events.event(events.newId(), "identified", "{\"method\":\"mrz\",\"memberSealed\":\"" + foreign + "\"}") + "]}");
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("events[1]") && response.body().contains("memberSealed"), response.body());
    assertEquals(0, hub.hub.events.count());
    var garbled = hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "identified", "{\"memberSealed\":42}") + "]}");
    assertEquals(400, garbled.statusCode());
  }
}
