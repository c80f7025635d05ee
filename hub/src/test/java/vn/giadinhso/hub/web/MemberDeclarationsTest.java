package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.people.MemberProgress;
import vn.giadinhso.hub.people.VneidRecord;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.MemberSeal;

/**
 * A resident scans their own card at a kiosk and says they activated VNeID level 2
 * ({@code member.declared}); staff see it on the household page and the declarations page and
 * verify it, and the member's progress and the household's criterion follow (issue 15).
 */
class MemberDeclarationsTest extends KioskRoutesTest {
  static final String AN = "052190012345";
  static final String BINH = "052195012346";
  static final String OTHER = "052088012347";
  StaffClient staff;

  @BeforeEach
  void rosterAndStaff() throws Exception {
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-P-0001,Thôn Tân Thành,Nguyễn Văn An,\"Nguyễn Văn An (" + AN + "); Trần Thị Bình (" + BINH + ")\",,\n"
        + "AT-P-0002,Thôn Tân Thành,Lê Văn Dũng,Lê Văn Dũng (" + OTHER + "),,\n");
    hub.hub.users.create("can-bo-p", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-p", "mat-khau-rat-dai-1");
  }

  String sealed(String id) {
    return MemberSeal.seal(MemberSeal.publicKey(hub.hub.secrets.sealingKeyText()), 1,
        hub.hub.memberKeys.chain("an-tuong").current(id));
  }

  String declared(String eventId, String household, String id, String answer) {
    return Events.event(eventId, "member.declared", "{\"householdCode\":\"" + household + "\",\"memberSealed\":\""
        + sealed(id) + "\",\"claim\":\"vneid.level2\",\"answer\":\"" + answer + "\"}");
  }

  @Test
  void staffMarkAMembersVneidAndCoreCitizenFromTheHouseholdPage() throws Exception {
    String members = "/dashboard/c/an-tuong/households/AT-P-0001/members/";
    assertEquals(303, staff.postForm(members + "0/vneid", Map.of("activated", "yes")).statusCode());
    assertEquals(303, staff.postForm(members + "0/core", Map.of("core", "yes")).statusCode());

    MemberProgress an = hub.hub.people.household("an-tuong", "AT-P-0001").get(0);
    assertTrue(an.vneidLevel2() && an.coreDigitalCitizen(), an.toString());
    assertEquals(VneidRecord.STAFF, an.vneid().source());
    var statuses = hub.hub.households.find("AT-P-0001").orElseThrow().latestStatuses();
    assertEquals(CriterionStatus.MET, statuses.get("core-digital-citizen").status());
    assertTrue(hub.hub.audit.recent(null, 5).stream().anyMatch(e -> e.action().equals("member.core")
        && e.detail().equals("core digital citizen")), "audited");

    // A correction: not activated after all.
    assertEquals(303, staff.postForm(members + "0/vneid", Map.of("activated", "no")).statusCode());
    assertFalse(hub.hub.people.household("an-tuong", "AT-P-0001").get(0).vneidLevel2());
  }

  @Test
  void staffVerifyWhatAResidentDeclaredAndTheMemberHasVneidLevel2() throws Exception {
    String yes = events.newId();
    String unsure = events.newId();
    String batch = "{\"events\":[" + declared(yes, "AT-P-0001", BINH, "yes") + ","
        + declared(unsure, "AT-P-0001", AN, "unsure") + ","
        // A card of another household's member with this household's code: not filed.
        + declared(events.newId(), "AT-P-0001", OTHER, "yes") + "]}";
    assertEquals(3, ok(hub.post(path, kiosk.token(), batch)).get("accepted").asInt());
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + declared(yes, "AT-P-0001", BINH, "yes") + "]}"));
    assertEquals(2, hub.hub.memberDeclarations.pending("an-tuong", null).size(), "a resent event is filed once");

    String page = staff.get("/dashboard/c/an-tuong/households/AT-P-0001").body();
    assertTrue(page.contains("Trần T. Bình **********46 — Đã kích hoạt VNeID mức 2: <strong>Có</strong>"), page);
    assertFalse(page.contains(BINH) || page.contains(hub.hub.memberKeys.hash("an-tuong", BINH)),
        "neither the ID number nor its hash is in the page");
    String queue = staff.get("/dashboard/c/an-tuong/declarations").body();
    assertTrue(queue.contains("id=\"member-decl-" + yes + "\""), queue);
    assertFalse(queue.split("id=\"member-decl-" + unsure + "\"")[1].split("</tr>")[0].contains("value=\"verify\""),
        "\"not sure\" cannot be verified, only dismissed");

    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/member-declarations/" + yes,
        Map.of("decision", "verify", "back", "/dashboard/c/an-tuong/declarations")).statusCode());
    MemberProgress binh = hub.hub.people.household("an-tuong", "AT-P-0001").get(1);
    assertTrue(binh.vneidLevel2());
    assertEquals(VneidRecord.KIOSK_DECLARED_VERIFIED, binh.vneid().source());
    assertEquals("can-bo-p", binh.vneid().actor());
    var criterion = hub.hub.households.find("AT-P-0001").orElseThrow().latestStatuses().get("vneid-level2");
    assertEquals(CriterionStatus.MET, criterion.status());
    assertTrue(criterion.note().contains("Trần T. Bình (**********46)"), criterion.note());

    assertEquals(303, staff.postForm("/dashboard/c/an-tuong/member-declarations/" + unsure,
        Map.of("decision", "verify")).statusCode());
    assertFalse(hub.hub.people.household("an-tuong", "AT-P-0001").get(0).vneidLevel2(), "\"not sure\" records nothing");
    assertTrue(hub.hub.memberDeclarations.pending("an-tuong", null).isEmpty());
    assertEquals(404, staff.postForm("/dashboard/c/an-tuong/member-declarations/" + yes,
        Map.of("decision", "verify")).statusCode(), "decided once");
  }

  @Test
  void sessionsAttendedAreCountedPerMemberFromIdCardCheckIns() throws Exception {
    java.time.Instant start = java.time.Instant.parse("2026-11-25T01:00:00Z");
    for (String id : java.util.List.of("s1", "s2")) {
      hub.hub.schedule.saveSession(new vn.giadinhso.hub.schedule.Session(id, vn.giadinhso.hub.TestHub.POINT, start,
          start.plusSeconds(7200), "Nhà văn hóa", "VNeID", "Công an xã", vn.giadinhso.hub.schedule.Session.Status.SCHEDULED));
    }
    String checkIn = "{\"events\":[";
    for (String session : java.util.List.of("s1", "s1", "s2")) {
      checkIn += Events.event(events.newId(), "attendance.checked_in",
          "{\"sessionId\":\"" + session + "\",\"memberSealed\":\"" + sealed(BINH) + "\"}") + ",";
    }
    checkIn += Events.event(events.newId(), "attendance.checked_in",
        "{\"sessionId\":\"s1\",\"memberSealed\":\"" + sealed(AN) + "\"}") + "]}";
    ok(hub.post(path, kiosk.token(), checkIn));
    var people = hub.hub.people.household("an-tuong", "AT-P-0001");
    assertEquals(1, people.get(0).sessionsAttended(), "An: one session");
    assertEquals(2, people.get(1).sessionsAttended(), "Bình: two sessions, the second scan at s1 counted once");
    String page = staff.get("/dashboard/c/an-tuong/households/AT-P-0001").body();
    assertTrue(page.contains("<td class=\"sessions\">2</td>"), page);
  }

  @Test
  void staffOfAnotherCommuneCannotDecide() throws Exception {
    String yes = events.newId();
    ok(hub.post(path, kiosk.token(), "{\"events\":[" + declared(yes, "AT-P-0001", BINH, "yes") + "]}"));
    hub.hub.users.create("can-bo-kc", "mat-khau-rat-dai-1", UserStore.Role.STAFF, "kon-chieng");
    StaffClient other = StaffClient.signedIn(hub, "can-bo-kc", "mat-khau-rat-dai-1");
    assertEquals(404, other.postForm("/dashboard/c/kon-chieng/member-declarations/" + yes,
        Map.of("decision", "verify")).statusCode());
    assertEquals(403, other.postForm("/dashboard/c/an-tuong/member-declarations/" + yes,
        Map.of("decision", "verify")).statusCode());
    assertEquals(1, hub.hub.memberDeclarations.pending("an-tuong", null).size());
  }
}
