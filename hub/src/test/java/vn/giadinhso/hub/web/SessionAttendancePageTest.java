package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.schedule.Session;

/**
 * Issue 10 point 6: a check-in carrying only a member hash that matches no one on the roster (a
 * card the kiosk did not know) shows on the session page as "not on the roster", never a 500.
 */
class SessionAttendancePageTest extends KioskRoutesTest {
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String SESSION = "s-an-tuong-nvh-20261125";

  @Test
  void aCheckInByAnUnknownCardShowsAsNotOnTheRoster() throws Exception {
    String knownHash = hub.hub.memberKeys.hash("an-tuong", "052190099903");
    hub.hub.households.upsert(List.of(new Household("AT-T1-0001", "an-tuong", "Thôn Tân Thành", "Trần Văn Sáu",
        List.of(new Member("Trần Văn Sáu", knownHash, "0521******03")), Set.of(), Set.of())));
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    hub.hub.schedule.saveSession(new Session(SESSION, TestHub.POINT, start, start.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    String unknownHash = "0f".repeat(32);
    ok(hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "attendance.checked_in",
            "{\"sessionId\":\"" + SESSION + "\",\"memberHash\":\"" + unknownHash + "\"}") + ","
        + Events.event(events.newId(), "attendance.checked_in",
            "{\"sessionId\":\"" + SESSION + "\",\"memberHash\":\"" + knownHash + "\"}") + "]}"));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);

    var page = staff.get("/dashboard/c/an-tuong/sessions/" + SESSION);
    var again = staff.get("/dashboard/c/an-tuong/sessions/" + SESSION);

    assertEquals(200, page.statusCode(), page.body());
    assertEquals(200, again.statusCode(), "the page keeps working");
    String body = page.body();
    assertTrue(body.contains("<span id=\"attendance-count\">2</span>"), body);
    assertTrue(body.contains("Không có trong danh sách hộ"), body);
    assertTrue(body.contains("<td>AT-T1-0001</td><td>Trần V. S.</td>"), "a card on the roster finds its household");
  }
}
