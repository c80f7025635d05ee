package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;
import vn.giadinhso.protocol.MemberSeal;

/** rotate-hash-key against a running hub: everything moves to the new version, kiosks keep working. */
class RotateHashKeyTest {
  private static final String ID = "052190012345";
  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  final Events events = new Events();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    kiosk = hub.enrolDirectly(TestHub.POINT);
    hub.hub.households.upsert(List.of(new Household("AT-R-0001", "an-tuong", "Thôn Tân Thành", "Nguyễn Văn An",
        List.of(new Member("Nguyễn Văn An", hub.hub.memberKeys.hash("an-tuong", ID), "0521******45")),
        new TreeSet<>(), new TreeSet<>())));
    // A session of the kiosk's own commune: check-ins for any other are logged but not counted (hub-009).
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    hub.hub.schedule.saveSession(new Session("s1", TestHub.POINT, start, start.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private void checkIn(String sealed) throws Exception {
    var response = hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "attendance.checked_in", "{\"sessionId\":\"s1\",\"memberSealed\":\"" + sealed + "\"}")
        + "]}");
    assertEquals(200, response.statusCode(), response.body());
  }

  private int count(String sql, String value) {
    return hub.hub.db.reader().withHandle(h -> h.createQuery(sql).bind("v", value).mapTo(Integer.class).one());
  }

  @Test
  void rotationReKeysEverythingAndAnEventSealedBeforeItCountsOnce() throws Exception {
    // What an enrolled kiosk holds: the version-1 chain and the hub's sealing key.
    MemberKeyChain v1 = hub.hub.memberKeys.chain("an-tuong");
    String h1 = MemberIdHash.hex(v1.current(ID));
    var sealingKey = MemberSeal.publicKey(hub.hub.secrets.sealingKeyText());
    String sealedBefore = MemberSeal.seal(sealingKey, 1, v1.current(ID));
    String sealedLater = MemberSeal.seal(sealingKey, 1, v1.current(ID)); // sealed before, posted after
    checkIn(sealedBefore);
    String cursor = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body())
        .get("cursor").asText();

    Cli rotated = Cli.run("rotate-hash-key", "--db", dir.resolve("hub.db").toString(), "--commune", "an-tuong");
    assertEquals(0, rotated.exitCode(), rotated.err());
    assertTrue(rotated.out().contains("member key version 1 → 2; re-keyed 1 members, 1 events, 1 attendance rows"),
        rotated.out());

    String h2 = hub.hub.memberKeys.hash("an-tuong", ID);
    assertEquals(MemberIdHash.hex(MemberIdHash.next(hub.hub.memberKeys.chain("an-tuong").key(2), v1.current(ID))), h2);
    // The database holds no hash under the old version, anywhere.
    assertEquals(0, count("SELECT count(*) FROM member WHERE id_hash = :v", h1));
    assertEquals(0, count("SELECT count(*) FROM event WHERE payload LIKE '%' || :v || '%'", h1));
    assertEquals(0, count("SELECT count(*) FROM attendance WHERE person_key LIKE '%' || :v || '%'", h1));
    assertEquals(1, count("SELECT count(*) FROM member WHERE id_hash = :v", h2));

    checkIn(sealedLater);
    assertEquals(2, count("SELECT count(*) FROM event WHERE payload LIKE '%' || :v || '%'", h2),
        "the late event was brought forward to version 2");
    assertEquals(1, count("SELECT count(*) FROM attendance WHERE session_id = :v", "s1"), "one person, counted once");

    // The kiosk's next sync (same token, no re-enrolment) brings the chain and the re-tagged household.
    JsonNode page = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + cursor,
        kiosk.token()).body());
    assertEquals(2, page.get("memberKeys").size());
    assertEquals(2, page.get("memberKeys").get(1).get("version").asInt());
    JsonNode household = page.get("households").get(0);
    assertEquals("AT-R-0001", household.get("code").asText());
    assertEquals(MemberIdHash.tag(h2), household.get("members").get(0).get("idTag").asInt());
  }

  @Test
  void aCheckInTakenOnAPhoneIsReKeyedTooAndTheKioskCheckInAfterCountsOnce() throws Exception {
    MemberKeyChain v1 = hub.hub.memberKeys.chain("an-tuong");
    String h1 = MemberIdHash.hex(v1.current(ID));
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    // A team member's phone check-in names no kiosk (issue 15): its row is found by its session.
    hub.hub.db.writer().useTransaction(tx -> vn.giadinhso.hub.ingest.CheckIns.add(tx, "s1", TestHub.POINT, start,
        vn.giadinhso.hub.ingest.CheckIns.memberKey(h1), "AT-R-0001", "field:doi-a", start.plusSeconds(60)));

    Cli rotated = Cli.run("rotate-hash-key", "--db", dir.resolve("hub.db").toString(), "--commune", "an-tuong");
    assertEquals(0, rotated.exitCode(), rotated.err());
    String h2 = hub.hub.memberKeys.hash("an-tuong", ID);
    assertEquals(0, count("SELECT count(*) FROM attendance WHERE person_key LIKE '%' || :v || '%'", h1));
    assertEquals(1, count("SELECT count(*) FROM attendance WHERE person_key = 'm:' || :v", h2));

    checkIn(MemberSeal.seal(MemberSeal.publicKey(hub.hub.secrets.sealingKeyText()), 2,
        hub.hub.memberKeys.chain("an-tuong").current(ID)));
    assertEquals(1, count("SELECT count(*) FROM attendance WHERE session_id = :v", "s1"), "one person, counted once");
  }

  @Test
  void anUnknownCommuneIsRefusedAndChangesNothing() {
    Cli refused = Cli.run("rotate-hash-key", "--db", dir.resolve("hub.db").toString(), "--commune", "nowhere");
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("no commune nowhere"), refused.err());
    assertEquals(1, hub.hub.memberKeys.currentVersion("an-tuong"));
  }
}
