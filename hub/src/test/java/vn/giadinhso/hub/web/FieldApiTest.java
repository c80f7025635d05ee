package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import vn.giadinhso.hub.people.VneidRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.field.FieldRecordKind;
import vn.giadinhso.hub.field.FieldRecords;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.Uuid7;

/**
 * Issue 15's field accounts and field API over real HTTP: a team member of Tân Thành sees and
 * records only Tân Thành's households, masked; reaches no staff page; a batch is stored once by
 * the ids the phone made and either whole or not at all.
 */
class FieldApiTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String ID_AN = "052190012345";
  static final String ID_BINH = "052195012376";
  static final String ID_OTHER = "052188001122";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Uuid7 IDS = new Uuid7(java.time.Clock.systemUTC());

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient field;

  @BeforeAll
  static void start() throws Exception {
    hub = new TestHub(dir);
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_AN + "); Trần Thị Bình (" + ID_BINH + "),,\n"
        + "AT-T2-0001,Thôn Hai,Lê Văn Cường,Lê Văn Cường (" + ID_OTHER + "),,\n");
    hub.hub.users.create("doi-a", PASSWORD, Assignment.field("an-tuong", List.of("Thôn Tân Thành")));
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    field = StaffClient.signedIn(hub, "doi-a", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  @Test
  void aTeamMemberLandsInTheFieldAppAndReachesNoStaffPage() throws Exception {
    HttpResponse<String> login = new StaffClient(hub).login("doi-a", PASSWORD);
    assertEquals("/field/", login.headers().firstValue("Location").orElse(""));
    for (String page : List.of("/dashboard", "/dashboard/c/an-tuong", "/dashboard/c/an-tuong/households",
        "/dashboard/c/an-tuong/households/AT-T1-0001", "/dashboard/c/an-tuong/households/AT-T2-0001",
        "/dashboard/c/an-tuong/report", "/dashboard/audit", "/dashboard/lessons", "/dashboard/users")) {
      assertEquals(403, field.get(page).statusCode(), page);
    }
    assertEquals(200, field.get("/dashboard/account").statusCode());
  }

  @Test
  void theRosterHoldsOnlyItsVillagesMaskedAndNoHash() throws Exception {
    HttpResponse<String> response = field.get("/field/api/roster");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    JsonNode roster = JSON.readTree(response.body());
    assertEquals(1, roster.get("households").size());
    JsonNode household = roster.get("households").get(0);
    assertEquals("AT-T1-0001", household.get("code").asText());
    assertEquals("Thôn Tân Thành", household.get("village").asText());
    assertEquals("Nguyễn V. An", household.get("members").get(0).get("name").asText());
    assertEquals("Trần T. Bình", household.get("members").get(1).get("name").asText());
    assertEquals("**********45", household.get("members").get(0).get("idMasked").asText());
    String body = response.body();
    assertFalse(body.contains("AT-T2-0001") || body.contains("Cường"), "another village's household: " + body);
    assertFalse(body.contains(ID_AN) || body.contains("Văn An (") || body.contains("Nguyễn Văn An"), body);
    String hash = hub.hub.households.find("AT-T1-0001").orElseThrow().household().members().get(0).idHash();
    assertFalse(body.contains(hash), "no member hash on the phone");
    assertTrue(roster.get("criteria").size() >= 6);
  }

  @Test
  void theListForActionHoldsOnlyItsVillagesMembersMasked() throws Exception {
    HttpResponse<String> response = field.get("/field/api/without-vneid");
    assertEquals(200, response.statusCode(), response.body());
    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    JsonNode list = JSON.readTree(response.body());
    JsonNode an = null;
    for (JsonNode m : list.get("members")) {
      assertEquals("Thôn Tân Thành", m.get("village").asText(), "another village's member: " + m);
      if (m.get("maskedName").asText().equals("Nguyễn V. An")) {
        an = m;
      }
    }
    assertTrue(an != null, "An has no VNeID record yet: " + response.body());
    assertEquals("AT-T1-0001", an.get("householdCode").asText());
    assertEquals("**********45", an.get("idMasked").asText());
    String body = response.body();
    assertFalse(body.contains("AT-T2-0001") || body.contains("Cường") || body.contains("Thôn Hai"), body);
    assertFalse(body.contains(ID_AN) || body.contains("Nguyễn Văn An"), body);
    String hash = hub.hub.households.find("AT-T1-0001").orElseThrow().household().members().get(0).idHash();
    assertFalse(body.contains(hash), "no member hash on the phone");

    // The other village's team member sees Cường, and nobody of Tân Thành.
    hub.hub.users.create("doi-hai", PASSWORD, Assignment.field("an-tuong", List.of("Thôn Hai")));
    String other = StaffClient.signedIn(hub, "doi-hai", PASSWORD).get("/field/api/without-vneid").body();
    JsonNode otherList = JSON.readTree(other).get("members");
    assertEquals(1, otherList.size(), other);
    assertEquals("Lê V. Cường", otherList.get(0).get("maskedName").asText());
    assertFalse(other.contains("AT-T1-0001") || other.contains("Tân Thành"), other);
    assertEquals(403, StaffClient.signedIn(hub, "can-bo-a", PASSWORD).get("/field/api/without-vneid").statusCode());
    assertEquals(401, new StaffClient(hub).get("/field/api/without-vneid").statusCode());
  }

  @Test
  void aStaffAccountAndNobodyUseTheFieldApi() throws Exception {
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    assertEquals(403, staff.get("/field/api/roster").statusCode());
    assertEquals(401, new StaffClient(hub).get("/field/api/roster").statusCode());
    assertEquals(200, new StaffClient(hub).get("/field/").statusCode(), "the app's files open without signing in");
  }

  @Test
  void recordsAreStoredOnceAndAVerifiedCriterionIsMetWithItsEvidence() throws Exception {
    String visit = IDS.next();
    String verified = IDS.next();
    String vneid = IDS.next();
    String batch = records(
        visit(visit, "AT-T1-0001"),
        "{\"id\":\"" + verified + "\",\"kind\":\"criterion-verified\",\"at\":\"" + Instant.now() + "\","
            + "\"householdCode\":\"AT-T1-0001\",\"criterionId\":\"lookup-dossier-result\"}",
        "{\"id\":\"" + vneid + "\",\"kind\":\"vneid-verified\",\"at\":\"" + Instant.now() + "\","
            + "\"householdCode\":\"AT-T1-0001\",\"memberSeq\":1,\"memberName\":\"Trần T. Bình\"}");
    HttpResponse<String> first = post(batch);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(List.of(visit, verified, vneid), ids(first, "stored"));
    HttpResponse<String> again = post(batch);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(List.of(), ids(again, "stored"));
    assertEquals(List.of(visit, verified, vneid), ids(again, "alreadyHad"));

    var stored = hub.hub.fieldRecords.list("an-tuong").stream().filter(r -> List.of(visit, verified, vneid).contains(r.id())).toList();
    assertEquals(3, stored.size());
    assertEquals("Trần T. Bình", stored.stream().filter(r -> r.kind() == FieldRecordKind.VNEID_VERIFIED)
        .findFirst().orElseThrow().memberMasked());
    var history = hub.hub.households.statusHistory("AT-T1-0001", "lookup-dossier-result");
    assertEquals(1, history.size());
    assertEquals(CriterionStatus.MET, history.get(0).status());
    assertEquals("verified in the field by doi-a", history.get(0).note());
    assertEquals(FieldRecords.SOURCE, history.get(0).source());
    // VNeID verified in the field is the member's own progress: level 2, from the field, by whom.
    var binh = hub.hub.people.household("an-tuong", "AT-T1-0001").stream()
        .filter(m -> m.maskedName().equals("Trần T. Bình")).findFirst().orElseThrow();
    assertTrue(binh.vneidLevel2(), binh.toString());
    assertEquals(VneidRecord.FIELD_VERIFIED, binh.vneid().source());
    assertEquals("doi-a", binh.vneid().actor());

    // Commune staff see what the team did on the household's page.
    hub.hub.users.create("can-bo-xem", PASSWORD, Assignment.staff("an-tuong"));
    String page = StaffClient.signedIn(hub, "can-bo-xem", PASSWORD).get("/dashboard/c/an-tuong/households/AT-T1-0001").body();
    assertTrue(page.contains("Đến nhà hướng dẫn") && page.contains("Tự đăng nhập VNeID") && page.contains("doi-a"), page);
    assertTrue(page.contains("Xác nhận VNeID mức 2") && page.contains("Trần T. Bình"), page);
  }

  @Test
  void aBatchWithAnotherVillagesHouseholdIsRefusedWhole() throws Exception {
    String mine = IDS.next();
    HttpResponse<String> response = post(records(visit(mine, "AT-T1-0001"), visit(IDS.next(), "AT-T2-0001")));
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("not one of the villages you look after"), response.body());
    assertTrue(hub.hub.fieldRecords.list("an-tuong").stream().noneMatch(r -> r.id().equals(mine)), "nothing half-stored");
    // An unknown code answers the same as another village's: the phone learns nothing.
    assertEquals(403, post(records(visit(IDS.next(), "AT-T9-9999"))).statusCode());
  }

  @Test
  void malformedOversizedOrUnsignedBatchesAreRefused() throws Exception {
    assertEquals(400, post("{\"records\": [").statusCode());
    assertEquals(400, post(records("{\"id\":\"not-a-uuid\",\"kind\":\"home-visit\",\"at\":\"" + Instant.now()
        + "\",\"householdCode\":\"AT-T1-0001\"}")).statusCode());
    String withId = visit(IDS.next(), "AT-T1-0001").replace("}", ",\"note\":\"số " + ID_AN + "\"}");
    HttpResponse<String> idInNote = post(records(withId));
    assertEquals(400, idInNote.statusCode());
    assertFalse(idInNote.body().contains(ID_AN), "the refusal does not echo the number");
    assertEquals(413, post("{\"records\":[\"" + "x".repeat(300 * 1024) + "\"]}").statusCode());
    HttpResponse<String> noToken = field.postBytes("/field/api/records", "application/json",
        records(visit(IDS.next(), "AT-T1-0001")).getBytes(StandardCharsets.UTF_8), Map.of());
    assertEquals(403, noToken.statusCode());
  }

  @Test
  void anAdminCreatesATeamMemberAccountOnTheUsersPage() throws Exception {
    hub.hub.users.create("quan-tri", PASSWORD, Assignment.admin());
    StaffClient admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
    HttpResponse<String> created = admin.postForm("/dashboard/users", Map.of("username", "doi-b", "password", PASSWORD,
        "role", "FIELD", "commune", "an-tuong", "villages", "Thôn Hai"));
    assertEquals(303, created.statusCode(), created.body());
    var user = hub.hub.users.find("doi-b").orElseThrow();
    assertEquals(List.of("an-tuong/thon-hai"), user.villages());
    assertTrue(admin.get("/dashboard/users").body().contains("an-tuong/thon-hai"));
    HttpResponse<String> noVillage = admin.postForm("/dashboard/users", Map.of("username", "doi-c", "password", PASSWORD,
        "role", "FIELD", "commune", "an-tuong", "villages", "Thôn Không Có"));
    assertEquals(400, noVillage.statusCode());
    assertTrue(hub.hub.users.find("doi-c").isEmpty());
  }

  static String visit(String id, String household) {
    return "{\"id\":\"" + id + "\",\"kind\":\"home-visit\",\"at\":\"" + Instant.now() + "\",\"householdCode\":\""
        + household + "\",\"memberSeq\":0,\"memberName\":\"Nguyễn V. An\",\"topics\":[\"vneid\"],"
        + "\"criteria\":[\"vneid-level2\"],\"canDoAlone\":\"Tự đăng nhập VNeID\"}";
  }

  static String records(String... records) {
    return "{\"records\":[" + String.join(",", records) + "]}";
  }

  static HttpResponse<String> post(String body) throws Exception {
    String csrf = JSON.readTree(field.get("/field/api/me").body()).get("csrf").asText();
    return field.postBytes("/field/api/records", "application/json", body.getBytes(StandardCharsets.UTF_8),
        Map.of("X-CSRF-Token", csrf));
  }

  static List<String> ids(HttpResponse<String> response, String field) throws Exception {
    return toList(JSON.readTree(response.body()).get(field));
  }

  static List<String> toList(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
