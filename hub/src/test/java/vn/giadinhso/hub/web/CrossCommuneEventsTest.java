package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;

/**
 * Issue 10 point 5: a Kon Chiêng kiosk's events that name an Ân Tường household or session are
 * stored once in the log but change nothing in Ân Tường, and the batch answer says so per event.
 */
class CrossCommuneEventsTest {
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String AT_HOUSEHOLD = "AT-T1-0001";
  private static final String KC_HOUSEHOLD = "KC-DT-0001";
  private static final String AT_SESSION = "s-an-tuong-nvh-20261125";
  private static final String KC_SESSION = "s-kon-chieng-nvh-20261125";

  @TempDir Path dir;
  TestHub hub;
  Enrolment konChiengKiosk;
  String path;
  final Events events = new Events();
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void twoCommunesWithAHouseholdAndASessionEach() {
    hub = new TestHub(dir);
    hub.hub.households.upsert(List.of(
        new Household(AT_HOUSEHOLD, "an-tuong", "Thôn Tân Thành", "Trần Văn Sáu",
            List.of(new Member("Trần Văn Sáu", null, null)), Set.of(), Set.of()),
        new Household(KC_HOUSEHOLD, "kon-chieng", "Làng Đê Tar", "Đinh Văn Blơng",
            List.of(new Member("Đinh Văn Blơng", null, null)), Set.of(), Set.of())));
    Instant start = Instant.parse("2026-11-25T01:00:00Z");
    hub.hub.schedule.saveSession(new Session(AT_SESSION, TestHub.POINT, start, start.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    hub.hub.schedule.saveSession(new Session(KC_SESSION, TestHub.OTHER_COMMUNE_POINT, start, start.plusSeconds(7200),
        "Nhà rông", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    hub.hub.users.create("can-bo-at", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    hub.hub.users.create("can-bo-kc", PASSWORD, UserStore.Role.STAFF, "kon-chieng");
    konChiengKiosk = hub.enrolDirectly(TestHub.OTHER_COMMUNE_POINT);
    path = "/api/v1/kiosks/" + konChiengKiosk.kioskId() + "/events";
  }

  @AfterEach
  void stopHub() {
    hub.close();
  }

  @Test
  void eventsNamingAnotherCommunesHouseholdOrSessionAreLoggedButChangeNothingThere() throws Exception {
    Map<String, String> outside = new HashMap<>();
    String declaration = events.newId();
    outside.put(declaration, "household not in this kiosk's commune");
    String checkIn = events.newId();
    outside.put(checkIn, "session not in this kiosk's commune");
    String checkInWithHousehold = events.newId();
    outside.put(checkInWithHousehold, "household not in this kiosk's commune");
    String request = events.newId();
    outside.put(request, "household not in this kiosk's commune");
    String lesson = events.newId();
    outside.put(lesson, "household not in this kiosk's commune");
    String ownDeclaration = events.newId();
    String ownCheckIn = events.newId();
    String ownRequest = events.newId();
    String batch = "{\"events\":[" + String.join(",",
        Events.event(declaration, "criterion.declared",
            "{\"householdCode\":\"" + AT_HOUSEHOLD + "\",\"criterionId\":\"vneid-level2\",\"status\":\"DECLARED\"}"),
        Events.event(checkIn, "attendance.checked_in", "{\"sessionId\":\"" + AT_SESSION + "\",\"memberHash\":\"aa01\"}"),
        Events.event(checkInWithHousehold, "attendance.checked_in",
            "{\"sessionId\":\"" + KC_SESSION + "\",\"householdCode\":\"" + AT_HOUSEHOLD + "\"}"),
        Events.event(request, "support.requested",
            "{\"topic\":\"vneid\",\"phone\":\"0912345678\",\"householdCode\":\"" + AT_HOUSEHOLD + "\"}"),
        Events.event(lesson, "lesson.completed", "{\"lessonId\":\"vneid-activate\",\"version\":1,\"householdCode\":\""
            + AT_HOUSEHOLD + "\",\"criteria\":[\"vneid-level2\"],\"score\":1,\"durationSeconds\":60}"),
        Events.event(ownDeclaration, "criterion.declared",
            "{\"householdCode\":\"" + KC_HOUSEHOLD + "\",\"criterionId\":\"vneid-level2\",\"status\":\"DECLARED\"}"),
        Events.event(ownCheckIn, "attendance.checked_in",
            "{\"sessionId\":\"" + KC_SESSION + "\",\"householdCode\":\"" + KC_HOUSEHOLD + "\"}"),
        Events.event(ownRequest, "support.requested",
            "{\"topic\":\"zalo\",\"phone\":\"0987654321\",\"householdCode\":\"" + KC_HOUSEHOLD + "\"}")) + "]}";

    JsonNode answer = ok(hub.post(path, konChiengKiosk.token(), batch));
    assertEquals(8, answer.get("accepted").asInt());
    assertEquals(0, answer.get("duplicates").asInt());
    Map<String, String> ignored = new HashMap<>();
    answer.get("ignored").forEach(i -> ignored.put(i.get("id").asText(), i.get("reason").asText()));
    assertEquals(outside, ignored);

    JsonNode retry = ok(hub.post(path, konChiengKiosk.token(), batch));
    assertEquals(8, retry.get("duplicates").asInt());
    assertEquals(0, retry.get("ignored").size(), "a retry applies nothing, so it ignores nothing either");
    assertEquals(8, hub.hub.events.count(), "every event is in the log, once");

    StaffClient anTuong = StaffClient.signedIn(hub, "can-bo-at", PASSWORD);
    String atDeclarations = anTuong.get("/dashboard/c/an-tuong/declarations").body();
    assertFalse(atDeclarations.contains(AT_HOUSEHOLD), "no declaration in Ân Tường's queue");
    String atSession = anTuong.get("/dashboard/c/an-tuong/sessions/" + AT_SESSION).body();
    assertTrue(atSession.contains("<span id=\"attendance-count\">0</span>"), "no one counted in Ân Tường's session");
    long atStatuses = hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM criterion_status s "
        + "JOIN household h ON h.id = s.household_id WHERE h.code = :c").bind("c", AT_HOUSEHOLD).mapTo(Long.class).one());
    assertEquals(0, atStatuses, "the lesson marked nothing practised for an Ân Tường household");
    long atMonths = hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM attendance_month WHERE support_point_id = :p").bind("p", TestHub.POINT)
        .mapTo(Long.class).one());
    assertEquals(0, atMonths, "no attendance counted for Ân Tường's point");

    StaffClient konChieng = StaffClient.signedIn(hub, "can-bo-kc", PASSWORD);
    String kcRequests = konChieng.get("/dashboard/c/kon-chieng/requests").body();
    assertFalse(kcRequests.contains("Thôn Tân Thành") || kcRequests.contains(AT_HOUSEHOLD),
        "Kon Chiêng staff see no Ân Tường village or household");
    assertTrue(kcRequests.contains("Làng Đê Tar") && kcRequests.contains(KC_HOUSEHOLD), "their own request is there");
    assertTrue(konChieng.get("/dashboard/c/kon-chieng/declarations").body().contains(KC_HOUSEHOLD));
    assertTrue(konChieng.get("/dashboard/c/kon-chieng/sessions/" + KC_SESSION).body()
        .contains("<span id=\"attendance-count\">1</span>"), "their own check-in counts once");
  }

  @Test
  void aBatchWithNothingOutsideAnswersAnEmptyIgnoredList() throws Exception {
    JsonNode answer = ok(hub.post(path, konChiengKiosk.token(), events.batch(3)));
    assertEquals(3, answer.get("accepted").asInt());
    assertTrue(answer.get("ignored").isArray() && answer.get("ignored").isEmpty(), answer.toString());
  }

  private JsonNode ok(HttpResponse<String> response) throws Exception {
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }
}
