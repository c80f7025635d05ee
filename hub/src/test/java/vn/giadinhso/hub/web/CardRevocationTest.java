package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.kiosk.Enrolment;

/** Staff revoke a lost household card on its page, over real HTTP: audited, synced, CSRF- and commune-checked. */
class CardRevocationTest extends SignedInStaffTest {
  @BeforeAll
  static void aStaffMemberOfTheOtherCommune() {
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
  }

  @Test
  void staffRevokeALostCardAndTheKiosksNextSyncCarriesIt() throws Exception {
    String code = "AT-T1-0001";
    String page = staff.get("/dashboard/c/an-tuong/households/" + code).body();
    assertTrue(page.contains("id=\"revoke-card\""), page);
    assertTrue(page.contains("<strong id=\"card-serial\">1</strong>"), page);
    Enrolment kiosk = hub.enrolDirectly(TestHub.POINT);
    String first = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=0&limit=100000", kiosk.token()).body();
    String cursor = first.replaceAll("(?s).*\"cursor\":\"(\\d+)\".*", "$1");

    HttpResponse<String> unconfirmed = staff.postForm("/dashboard/c/an-tuong/households/" + code + "/card/revoke", Map.of());
    assertEquals(400, unconfirmed.statusCode());
    assertEquals(Optional.empty(), hub.hub.cards.revokedThrough(code));

    HttpResponse<String> revoked = staff.postForm("/dashboard/c/an-tuong/households/" + code + "/card/revoke",
        Map.of("confirm", "yes"));
    assertEquals(303, revoked.statusCode(), revoked.body());
    String after = staff.get("/dashboard/c/an-tuong/households/" + code).body();
    assertTrue(after.contains("<strong id=\"card-serial\">2</strong>"), after);
    assertTrue(after.contains("<strong id=\"card-revoked\">1</strong>"), after);
    String audit = staff.get("/dashboard/audit").body();
    assertTrue(audit.contains("card.revoked") && audit.contains(code), audit);

    String delta = hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + cursor + "&limit=1000",
        kiosk.token()).body();
    assertTrue(delta.contains("\"revokedCards\":[{\"householdCode\":\"" + code + "\",\"revokedThrough\":1}]"), delta);
  }

  @Test
  void withoutTheCsrfTokenOrFromAnotherCommuneNothingIsRevoked() throws Exception {
    String code = "AT-T1-0002";
    String path = "/dashboard/c/an-tuong/households/" + code + "/card/revoke";
    assertEquals(403, staff.postRaw(path, Map.of("confirm", "yes")).statusCode());
    StaffClient other = StaffClient.signedIn(hub, "can-bo-kc", PASSWORD);
    assertEquals(403, other.postForm(path, Map.of("confirm", "yes")).statusCode());
    assertEquals(Optional.empty(), hub.hub.cards.revokedThrough(code));
    assertFalse(staff.get("/dashboard/audit").body().contains(code + "</"), "no audit entry for a refused revocation");
  }
}
