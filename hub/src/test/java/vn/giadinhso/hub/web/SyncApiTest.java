package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.protocol.MemberIdHash;

class SyncApiTest {
  @TempDir Path dir;
  TestHub hub;
  Enrolment kiosk;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    hub = new TestHub(dir);
    kiosk = hub.enrolDirectly(TestHub.POINT);
    List<Household> households = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      String id = String.format("0521900%05d", i);
      households.add(new Household(String.format("AT-T1-%04d", i), "an-tuong", "Thôn Tân Thành", "Nguyễn Văn An",
          List.of(new Member("Nguyễn Văn An", hub.hub.memberKeys.hash("an-tuong", id), "**********" + id.substring(10))),
          new TreeSet<>(Set.of("officials")), new TreeSet<>(i % 5 == 0 ? Set.of("business") : Set.of())));
    }
    hub.hub.households.upsert(households);
    hub.hub.households.upsert(List.of(new Household("KC-T1-0001", "kon-chieng", "Làng Đê Tar", "Đinh Văn Blơng",
        List.of(new Member("Đinh Văn Blơng", null, null)), new TreeSet<>(), new TreeSet<>())));
    hub.hub.schedule.saveSession(new Session("s1", TestHub.POINT, Instant.parse("2026-11-28T01:00:00Z"),
        Instant.parse("2026-11-28T03:00:00Z"), "Nhà văn hóa", "VNeID mức 2", "Đoàn Thanh niên", Session.Status.SCHEDULED));
    hub.hub.schedule.saveSession(new Session("s-other", TestHub.OTHER_COMMUNE_POINT, Instant.parse("2026-11-28T01:00:00Z"),
        Instant.parse("2026-11-28T03:00:00Z"), "Nhà rông", "VNeID", "Công an xã", Session.Status.SCHEDULED));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  private JsonNode sync(String cursor, Integer limit) throws Exception {
    String query = "?since=" + (cursor == null ? "" : cursor) + (limit == null ? "" : "&limit=" + limit);
    var response = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync" + query, kiosk.token());
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aFirstSyncBringsTheCommunesRosterCriteriaAndThePointsSessionsOnly() throws Exception {
    JsonNode page = sync(null, null);
    assertFalse(page.get("more").asBoolean());
    assertEquals("an-tuong", page.get("criteriaSet").get("communeId").asText());
    assertEquals(6, page.get("criteriaSet").get("criteria").size());
    assertEquals(25, page.get("households").size());
    JsonNode first = page.get("households").get(0);
    assertEquals("Thôn Tân Thành", first.get("village").asText());
    assertEquals("Nguyễn V. An", first.get("displayName").asText());
    // A kiosk gets a 14-bit tag of each member's hash, never the hash (docs/member-ids.md).
    JsonNode member = first.get("members").get(0);
    assertEquals(Set.of("idTag", "displayName"), fieldNames(member));
    int tag = member.get("idTag").asInt();
    assertTrue(member.get("idTag").isInt() && tag >= 0 && tag < 16384, member.toString());
    assertEquals(MemberIdHash.tag(hub.hub.memberKeys.hash("an-tuong", "052190000001")), tag);
    assertFalse(page.toString().matches("(?s).*[0-9a-f]{64}.*"), "no 64-hex member hash may reach a kiosk");
    assertEquals(1, page.get("memberKeys").size());
    assertEquals(1, page.get("memberKeys").get(0).get("version").asInt());
    assertEquals(hub.hub.secrets.sealingKeyText(), page.get("hubSealingKey").asText());
    assertFalse(page.toString().contains("0521900"), "no plain ID number may leave the hub");
    assertEquals(1, page.get("sessions").size());
    assertEquals("s1", page.get("sessions").get(0).get("id").asText());
  }

  @Test
  void nothingChangedMeansAnEmptyDelta() throws Exception {
    JsonNode first = sync(null, null);
    JsonNode second = sync(first.get("cursor").asText(), null);
    assertEquals(0, second.get("households").size());
    assertEquals(0, second.get("sessions").size());
    assertTrue(second.get("criteriaSet").isNull());
    assertEquals(first.get("cursor").asText(), second.get("cursor").asText());
  }

  @Test
  void aStatusChangeOrCancelledSessionComesInTheNextDelta() throws Exception {
    String cursor = sync(null, null).get("cursor").asText();
    hub.hub.households.recordStatus("AT-T1-0003", new StatusRecord("vneid-level2", CriterionStatus.MET, "staff",
        "can-bo-vhxh", Instant.parse("2026-11-21T02:00:00Z"), "Kiểm tra trên VNeID"));
    hub.hub.schedule.saveSession(new Session("s1", TestHub.POINT, Instant.parse("2026-11-28T01:00:00Z"),
        Instant.parse("2026-11-28T03:00:00Z"), "Nhà văn hóa", "VNeID mức 2", "Đoàn Thanh niên", Session.Status.CANCELLED));
    JsonNode delta = sync(cursor, null);
    assertEquals(1, delta.get("households").size());
    JsonNode household = delta.get("households").get(0);
    assertEquals("AT-T1-0003", household.get("code").asText());
    JsonNode vneid = null;
    for (JsonNode c : household.get("criteria")) {
      if (c.get("id").asText().equals("vneid-level2")) {
        vneid = c;
      }
    }
    assertEquals("MET", vneid.get("status").asText());
    assertEquals(1, household.get("met").asInt());
    assertEquals("CANCELLED", delta.get("sessions").get(0).get("status").asText());
  }

  @Test
  void aRevokedCardComesInTheNextDeltaOnceAndOnlyToItsCommune() throws Exception {
    JsonNode first = sync(null, null);
    assertEquals(0, first.get("revokedCards").size());
    JsonNode keys = first.get("hubPublicKeys");
    assertEquals(1, keys.size());
    assertEquals("1", keys.get(0).get("keyId").asText());
    assertEquals(hub.hub.secrets.publicKeyText(), keys.get(0).get("publicKey").asText());
    assertTrue(keys.get(0).get("validUntil").isNull());

    assertEquals(1, hub.hub.cards.revoke("AT-T1-0007"));
    hub.hub.cards.revoke("KC-T1-0001");
    JsonNode delta = sync(first.get("cursor").asText(), null);
    assertEquals(1, delta.get("revokedCards").size(), "the other commune's revocation stays there");
    assertEquals("AT-T1-0007", delta.get("revokedCards").get(0).get("householdCode").asText());
    assertEquals(1, delta.get("revokedCards").get(0).get("revokedThrough").asInt());
    assertEquals(0, sync(delta.get("cursor").asText(), null).get("revokedCards").size());

    // Lost again after the reprint: serials up to 2 are revoked.
    assertEquals(2, hub.hub.cards.revoke("AT-T1-0007"));
    JsonNode again = sync(delta.get("cursor").asText(), null);
    assertEquals(2, again.get("revokedCards").get(0).get("revokedThrough").asInt());
    assertEquals(3, hub.hub.cards.serial("AT-T1-0007"));
  }

  @Test
  void pagesFollowOneAnotherWithoutLossOrRepeat() throws Exception {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    boolean more = true;
    while (more) {
      JsonNode page = sync(cursor, 7);
      for (JsonNode h : page.get("households")) {
        assertTrue(seen.add(h.get("code").asText()), "household sent twice: " + h.get("code"));
      }
      cursor = page.get("cursor").asText();
      more = page.get("more").asBoolean();
      pages++;
    }
    assertEquals(25, seen.size());
    assertEquals(4, pages);
  }

  @Test
  void criteriaThatDoNotApplyAreNotApplicable() throws Exception {
    hub.hub.criteria.load(hub.hub.criteriaJson.readResource("kon-chieng-2025.json"));
    Enrolment konChieng = hub.enrolDirectly(TestHub.OTHER_COMMUNE_POINT);
    var response = hub.get("/api/v1/kiosks/" + konChieng.kioskId() + "/sync", konChieng.token());
    JsonNode household = json.readTree(response.body()).get("households").get(0);
    int notApplicable = 0;
    for (JsonNode c : household.get("criteria")) {
      if (c.get("status").asText().equals("NOT_APPLICABLE")) {
        notApplicable++;
      }
    }
    assertEquals(4, notApplicable, "3 business criteria and 1 producer criterion do not apply");
    assertEquals(22 - 4, household.get("applicable").asInt());
  }

  @Test
  void aBadCursorIs400() throws Exception {
    var response = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=abc", kiosk.token());
    assertEquals(400, response.statusCode());
    assertTrue(response.body().contains("cursor"));
  }

  @Test
  void syncNeedsTheKiosksOwnToken() throws Exception {
    assertEquals(401, hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", null).statusCode());
    Enrolment other = hub.enrolDirectly(TestHub.POINT);
    assertEquals(403, hub.get("/api/v1/kiosks/" + other.kioskId() + "/sync", kiosk.token()).statusCode());
  }
}
