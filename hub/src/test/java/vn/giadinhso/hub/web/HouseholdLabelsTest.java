package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.kiosk.Enrolment;

/** Staff change a household's groups and flags on its page, over real HTTP; the change is audited and synced. */
class HouseholdLabelsTest extends SignedInStaffTest {
  @BeforeAll
  static void aStaffMemberOfTheOtherCommune() {
    hub.hub.users.create("can-bo-b", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
  }

  /** A household of the commune without the "officials" group, fresh for each test. */
  static Household someHousehold(int skip) {
    return hub.hub.households.changedSince("an-tuong", 0, Long.MAX_VALUE, 100_000).stream()
        .map(h -> h.household()).filter(h -> !h.groups().contains("officials")).skip(skip).findFirst().orElseThrow();
  }

  static int officials() throws Exception {
    String json = staff.get("/dashboard/api/c/an-tuong/report").body();
    var m = java.util.regex.Pattern.compile("\"id\":\"officials\",[^}]*\"village\":null,\"households\":(\\d+)").matcher(json);
    assertTrue(m.find(), json);
    return Integer.parseInt(m.group(1));
  }

  @Test
  void staffTickAGroupAndAFlagAndTheHouseholdPageReportAuditAndKioskSyncShowIt() throws Exception {
    Household before = someHousehold(0);
    String page = staff.get("/dashboard/c/an-tuong/households/" + before.code()).body();
    assertTrue(page.contains("name=\"group\" value=\"officials\""), page);
    assertTrue(page.contains("name=\"flag\" value=\"business\""), page);
    int officialsBefore = officials();
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    String cursor = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=0&limit=100000", kiosk.token()).body();
    long since = Long.parseLong(cursor.replaceAll("(?s).*\"cursor\":\"?(\\d+).*", "$1"));

    List<Map.Entry<String, String>> form = new java.util.ArrayList<>();
    for (String g : before.groups()) {
      form.add(Map.entry("group", g));
    }
    form.add(Map.entry("group", "officials"));
    form.add(Map.entry("flag", "business"));
    HttpResponse<String> saved = staff.postFormPairs("/dashboard/c/an-tuong/households/" + before.code() + "/labels", form);
    assertEquals(303, saved.statusCode(), saved.body());

    Household after = hub.hub.households.find(before.code()).orElseThrow().household();
    assertTrue(after.groups().contains("officials"));
    assertEquals(Set.of("business"), after.flags());
    assertEquals(before.members(), after.members(), "members and their ID hashes are kept");
    String shown = staff.get("/dashboard/c/an-tuong/households/" + before.code()).body();
    assertTrue(shown.contains("value=\"officials\" checked"), shown);
    assertTrue(shown.contains("value=\"business\" checked"), shown);
    assertEquals(officialsBefore + 1, officials(), "the report's group count moves");

    String audit = staff.get("/dashboard/audit").body();
    assertTrue(audit.contains("household.labels") && audit.contains(before.code()), audit);
    assertTrue(audit.contains("can-bo-a"));

    String delta = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + since + "&limit=1000", kiosk.token()).body();
    assertTrue(delta.contains(before.code()), "the kiosk receives the changed household: " + delta);

    // Unticking everything removes groups and flags again.
    assertEquals(303, staff.postFormPairs("/dashboard/c/an-tuong/households/" + before.code() + "/labels", List.of()).statusCode());
    Household cleared = hub.hub.households.find(before.code()).orElseThrow().household();
    assertTrue(cleared.groups().isEmpty() && cleared.flags().isEmpty());
    assertEquals(officialsBefore, officials());
  }

  @Test
  void anUnknownGroupIsRefusedAndNothingChanges() throws Exception {
    Household before = someHousehold(1);
    HttpResponse<String> refused = staff.postFormPairs("/dashboard/c/an-tuong/households/" + before.code() + "/labels",
        List.of(Map.entry("group", "khong-co-nhom-nay")));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.body().contains("khong-co-nhom-nay"));
    assertEquals(before, hub.hub.households.find(before.code()).orElseThrow().household());
  }

  @Test
  void withoutTheCsrfTokenOrFromAnotherCommuneTheChangeIsRefused() throws Exception {
    Household before = someHousehold(2);
    String path = "/dashboard/c/an-tuong/households/" + before.code() + "/labels";
    HttpResponse<String> noToken = staff.postRaw(path, Map.of("group", "officials"));
    assertEquals(403, noToken.statusCode());
    StaffClient other = StaffClient.signedIn(hub, "can-bo-b", PASSWORD);
    assertEquals(403, other.postFormPairs(path, List.of(Map.entry("group", "officials"))).statusCode());
    assertEquals(before, hub.hub.households.find(before.code()).orElseThrow().household());
    assertFalse(staff.get("/dashboard/audit").body().contains(before.code() + "</"), "no audit entry for a refused change");
  }
}
