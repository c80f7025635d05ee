package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.protocol.Uuid7;

/**
 * Issue 15, mobile points: a team member takes a session's attendance on the phone, and the hub
 * counts it with the kiosk's check-ins, one person once per session; a session of another commune
 * is refused; a mobile point's session must say where it happens.
 */
class FieldAttendanceTest extends KioskRoutesTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final String ID_AN = "052190012345";
  static final String SESSION = "s-mobile-today";
  static final String OTHER_SESSION = "s-kon-chieng-today";
  static final String MOBILE_POINT = "an-tuong-luu-dong";
  final Uuid7 ids = new Uuid7(java.time.Clock.systemUTC());
  StaffClient field;

  @BeforeEach
  void rosterSessionsAndATeamMember() throws Exception {
    hub.importRoster("household_code,village,head_name,members,groups,flags\n"
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (" + ID_AN + "),,\n"
        + "AT-T1-0002,Thôn Tân Thành,Phạm Thị Hoa,Phạm Thị Hoa,,\n");
    hub.hub.schedule.savePoint(new SupportPoint(MOBILE_POINT, "an-tuong", "Điểm lưu động xã Ân Tường", "Các thôn", 2,
        "", null, true));
    // Starts a minute into today (Vietnam time), so it is today's whenever the test runs.
    Instant start = LocalDate.now(Schedules.VIETNAM).atStartOfDay(Schedules.VIETNAM).toInstant().plusSeconds(60);
    hub.hub.schedule.saveSession(new Session(SESSION, MOBILE_POINT, start, start.plusSeconds(23 * 3600),
        "Sân nhà ông Tư, thôn Tân Thành", "VNeID mức 2", "Tổ công nghệ số", Session.Status.SCHEDULED));
    hub.hub.schedule.saveSession(new Session(OTHER_SESSION, TestHub.OTHER_COMMUNE_POINT, start,
        start.plusSeconds(3600), "Nhà rông", "VNeID", "Tổ", Session.Status.SCHEDULED));
    hub.hub.users.create("doi-a", PASSWORD, Assignment.field("an-tuong", List.of("Thôn Tân Thành")));
    field = StaffClient.signedIn(hub, "doi-a", PASSWORD);
  }

  @Test
  void theAppListsTodaysSessionsOfItsCommuneOnly() throws Exception {
    HttpResponse<String> response = field.get("/field/api/sessions");
    assertEquals(200, response.statusCode(), response.body());
    JsonNode sessions = json.readTree(response.body()).get("sessions");
    assertEquals(1, sessions.size(), response.body());
    assertEquals(SESSION, sessions.get(0).get("id").asText());
    assertTrue(sessions.get(0).get("mobile").asBoolean());
    assertEquals("Sân nhà ông Tư, thôn Tân Thành", sessions.get(0).get("place").asText());
  }

  @Test
  void aPhoneAndAKioskCheckInOfTheSameMemberMakeOneAttendanceRow() throws Exception {
    String an = checkIn(ids.next(), SESSION, "AT-T1-0001", "Nguyễn V. An");
    String hoa = checkIn(ids.next(), SESSION, "AT-T1-0002", null);
    HttpResponse<String> phone = post(records(an, hoa));
    assertEquals(200, phone.statusCode(), phone.body());
    assertEquals(2, json.readTree(phone.body()).get("stored").size());

    // The same member's citizen ID card at the kiosk, and the other household's QR card there.
    String hash = hub.hub.memberKeys.hash("an-tuong", ID_AN);
    ok(hub.post(path, kiosk.token(), "{\"events\":["
        + Events.event(events.newId(), "attendance.checked_in", "{\"sessionId\":\"" + SESSION + "\",\"memberHash\":\""
            + hash + "\"}") + ","
        + Events.event(events.newId(), "attendance.checked_in", "{\"sessionId\":\"" + SESSION
            + "\",\"householdCode\":\"AT-T1-0002\"}") + "]}"));

    assertEquals(List.of("h:AT-T1-0002", "m:" + hash), personKeys());
    assertEquals(2, monthCount(), "the point's month counts two people, not four");

    // The phone sends the same batch again (its answer was lost): nothing more.
    HttpResponse<String> again = post(records(an, hoa));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(0, json.readTree(again.body()).get("stored").size());
    assertEquals(2, json.readTree(again.body()).get("alreadyHad").size());
    assertEquals(2, personKeys().size());
    assertEquals(2, monthCount());

    // Commune staff see both people on the session's page, the phone's check-in by who took it.
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    String page = StaffClient.signedIn(hub, "can-bo-a", PASSWORD).get("/dashboard/c/an-tuong/sessions/" + SESSION).body();
    assertTrue(page.contains("<span id=\"attendance-count\">2</span>"), page);
    assertTrue(page.contains("field:doi-a"), page);
  }

  @Test
  void aCheckInToAnotherCommunesSessionIsRefusedAndNothingIsStored() throws Exception {
    String mine = checkIn(ids.next(), SESSION, "AT-T1-0001", "Nguyễn V. An");
    HttpResponse<String> response = post(records(mine, checkIn(ids.next(), OTHER_SESSION, "AT-T1-0002", null)));
    assertEquals(403, response.statusCode(), response.body());
    assertTrue(response.body().contains("not one of your commune's sessions"), response.body());
    assertEquals(List.of(), personKeys(), "the batch is refused whole");
    // An unknown session answers the same.
    assertEquals(403, post(records(checkIn(ids.next(), "s-no-such-session", "AT-T1-0001", null))).statusCode());
    // A check-in names its session.
    HttpResponse<String> noSession = post(records(checkIn(ids.next(), SESSION, "AT-T1-0001", null)
        .replace(",\"sessionId\":\"" + SESSION + "\"", "")));
    assertEquals(400, noSession.statusCode(), noSession.body());
  }

  @Test
  void aMobilePointsSessionWithoutAPlaceIsRefusedWithAClearMessage() throws Exception {
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    String form = "/dashboard/c/an-tuong/points/" + MOBILE_POINT + "/sessions";
    String date = LocalDate.now(Schedules.VIETNAM).plusDays(1).toString();
    String page = staff.get("/dashboard/c/an-tuong/points/" + MOBILE_POINT).body();
    assertFalse(page.contains("<input name=\"place\" value=\"Các thôn\""), "a mobile point's session forms do not offer its own place");
    assertTrue(page.contains("placeholder=\"Thôn, nhà nơi tổ chức buổi này\""), page);

    HttpResponse<String> noPlace = staff.postForm(form, Map.of("date", date, "start", "08:00", "end", "10:00",
        "place", " ", "topic", "VNeID", "trainer", "Tổ công nghệ số"));
    assertEquals(400, noPlace.statusCode(), noPlace.body());
    assertTrue(noPlace.body().contains("Điểm lưu động: hãy ghi nơi tổ chức buổi này (thôn, nhà)"), noPlace.body());

    HttpResponse<String> withPlace = staff.postForm(form, Map.of("date", date, "start", "08:00", "end", "10:00",
        "place", "Nhà văn hóa thôn Hai", "topic", "VNeID", "trainer", "Tổ công nghệ số"));
    assertEquals(303, withPlace.statusCode(), withPlace.body());
  }

  @Test
  void staffMakeAPointMobileOnThePointForm() throws Exception {
    hub.hub.users.create("can-bo-a", PASSWORD, Assignment.staff("an-tuong"));
    StaffClient staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    HttpResponse<String> created = staff.postForm("/dashboard/c/an-tuong/points", Map.of("name", "Điểm lưu động thôn Hai",
        "place", "Thôn Hai", "hours", "", "minimum", "2", "mobile", "yes"));
    assertEquals(303, created.statusCode(), created.body());
    String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/points/", "");
    assertTrue(hub.hub.schedule.point(id).orElseThrow().mobile());
    HttpResponse<String> edited = staff.postForm("/dashboard/c/an-tuong/points/" + id + "/edit", Map.of(
        "name", "Điểm lưu động thôn Hai", "place", "Thôn Hai", "hours", "", "minimum", "2"));
    assertEquals(303, edited.statusCode(), edited.body());
    assertFalse(hub.hub.schedule.point(id).orElseThrow().mobile(), "unticked: the point stays in one place");
  }

  List<String> personKeys() {
    return hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT person_key FROM attendance WHERE session_id = :s ORDER BY person_key").bind("s", SESSION)
        .mapTo(String.class).list());
  }

  int monthCount() {
    return hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT COALESCE(SUM(n), 0) FROM attendance_month WHERE support_point_id = :p").bind("p", MOBILE_POINT)
        .mapTo(Integer.class).one());
  }

  static String checkIn(String id, String session, String household, String memberName) {
    return "{\"id\":\"" + id + "\",\"kind\":\"attendance\",\"at\":\"" + Instant.now() + "\",\"sessionId\":\"" + session
        + "\",\"householdCode\":\"" + household + "\""
        + (memberName == null ? "" : ",\"memberSeq\":0,\"memberName\":\"" + memberName + "\"") + "}";
  }

  static String records(String... records) {
    return "{\"records\":[" + String.join(",", records) + "]}";
  }

  HttpResponse<String> post(String body) throws Exception {
    String csrf = json.readTree(field.get("/field/api/me").body()).get("csrf").asText();
    return field.postBytes("/field/api/records", "application/json", body.getBytes(StandardCharsets.UTF_8),
        Map.of("X-CSRF-Token", csrf));
  }
}
