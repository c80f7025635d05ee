package vn.giadinhso.hub.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.Events;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.auth.Assignment;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.field.FieldRecord;
import vn.giadinhso.hub.field.FieldRecordKind;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.web.StaffClient;

/**
 * Issue 14: personal data goes when its period is over, and not a day sooner; what staff count
 * (reports, the session's attendance count, the request queue's size) stays as it was; each run
 * writes one audit entry with how much went. Periods differ per kind here so each cutoff is
 * seen on its own: phones 90 days, attendance 120, event fields 150.
 */
class RetentionTest {
  private static final String PASSWORD = "mat-khau-rat-dai-1";
  private static final String HOUSEHOLD = "AT-T1-0001";
  private static final String SESSION = "s-an-tuong-nvh-20261125";
  private static final String OLD_PHONE = "0912345678";
  private static final String NEWER_PHONE = "0987654321";
  /** The older day's events; the newer day's come one day later. */
  private static final Instant OLD = Instant.parse("2026-11-21T01:30:00Z");
  private static final Instant NEWER = OLD.plus(Duration.ofDays(1));
  private static final RetentionPolicy POLICY = new RetentionPolicy(90, 120, 150);

  @TempDir Path dir;
  ManualClock clock;
  TestHub hub;
  StaffClient staff;
  Enrolment kiosk;
  final Events ids = new Events();
  final ObjectMapper json = new ObjectMapper();
  String oldRequest;
  String oldCheckIn;
  String newerRequest;

  @BeforeEach
  void twoDaysOfActivity() throws Exception {
    clock = new ManualClock(NEWER.plus(Duration.ofHours(2)));
    hub = new TestHub(dir, clock);
    hub.hub.households.upsert(List.of(new Household(HOUSEHOLD, "an-tuong", "Thôn Tân Thành", "Trần Văn Sáu",
        List.of(new Member("Trần Văn Sáu", null, null)), Set.of(), Set.of())));
    hub.hub.schedule.saveSession(new Session(SESSION, TestHub.POINT, OLD, OLD.plusSeconds(7200),
        "Nhà văn hóa", "VNeID", "Công an xã", Session.Status.SCHEDULED));
    hub.hub.users.create("can-bo-a", PASSWORD, UserStore.Role.STAFF, "an-tuong");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    kiosk = hub.enrolDirectly(TestHub.POINT);
    oldRequest = ids.newId();
    oldCheckIn = ids.newId();
    newerRequest = ids.newId();
    post(event(ids.newId(), "identified", OLD, "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"" + HOUSEHOLD + "\"}"),
        event(oldCheckIn, "attendance.checked_in", OLD,
            "{\"sessionId\":\"" + SESSION + "\",\"householdCode\":\"" + HOUSEHOLD + "\",\"memberHash\":\"mh-1\"}"),
        event(oldRequest, "support.requested", OLD,
            "{\"topic\":\"Quên mật khẩu VNeID\",\"phone\":\"" + OLD_PHONE + "\",\"householdCode\":\"" + HOUSEHOLD + "\"}"),
        event(ids.newId(), "attendance.checked_in", NEWER,
            "{\"sessionId\":\"" + SESSION + "\",\"householdCode\":\"" + HOUSEHOLD + "\",\"memberHash\":\"mh-2\"}"),
        event(newerRequest, "support.requested", NEWER,
            "{\"topic\":\"Cài VssID\",\"phone\":\"" + NEWER_PHONE + "\",\"householdCode\":\"" + HOUSEHOLD + "\"}"));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  @Test
  void eachKindGoesExactlyWhenItsPeriodIsOver() throws Exception {
    Retention retention = hub.hub.retention;

    // One day inside every period: nothing goes.
    clock.advance(Duration.ofDays(88));
    assertEquals(new RetentionRun(false, 0, 0, 0, 0, 0), runKeepingCounts(retention));

    // The older phone's period is over (90 days and a little); the newer one is a day inside.
    clock.advance(Duration.ofDays(1));
    assertEquals(new RetentionRun(false, 1, 0, 0, 0, 0), runKeepingCounts(retention));
    assertNull(phoneOf(oldRequest));
    assertEquals(NEWER_PHONE, phoneOf(newerRequest));
    String requests = staff.get("/dashboard/c/an-tuong/requests").body();
    assertFalse(requests.contains(OLD_PHONE), "the old phone number is gone from the queue");
    assertTrue(requests.contains("Quên mật khẩu VNeID"), "the old request itself stays");
    assertEquals(new RetentionRun(false, 0, 0, 0, 0, 0), runKeepingCounts(retention), "a second run finds nothing");

    // Attendance: 120 days.
    clock.advance(Duration.ofDays(30));
    assertEquals(new RetentionRun(false, 1, 1, 0, 0, 0), runKeepingCounts(retention));
    List<Map<String, Object>> attendance = hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT person_key, household_code, at FROM attendance ORDER BY at").mapToMap().list());
    assertEquals(2, attendance.size(), "the rows stay");
    assertTrue(attendance.get(0).get("person_key").toString().startsWith("r:"), attendance.toString());
    assertNull(attendance.get(0).get("household_code"));
    assertEquals("m:mh-2", attendance.get(1).get("person_key"), "the newer check-in is a day inside its period");
    assertEquals(HOUSEHOLD, attendance.get(1).get("household_code"));

    // Event log: 150 days. The older day's three events lose their personal fields, nothing else.
    clock.advance(Duration.ofDays(30));
    RetentionRun run = runKeepingCounts(retention);
    assertEquals(new RetentionRun(false, 0, 1, 0, 3, 0), run);
    JsonNode oldPayload = payload(oldRequest);
    assertFalse(oldPayload.has("phone") || oldPayload.has("householdCode"), oldPayload.toString());
    assertEquals("Quên mật khẩu VNeID", oldPayload.get("topic").asText());
    assertEquals(SESSION, payload(oldCheckIn).get("sessionId").asText());
    assertFalse(payload(oldCheckIn).has("memberHash"));
    assertEquals(NEWER_PHONE, payload(newerRequest).get("phone").asText(), "a day inside its period");
    assertEquals(5, hub.hub.events.count(), "every event stays");

    AuditLog.Entry entry = hub.hub.audit.recent(null, 1).get(0);
    assertEquals(Retention.AUDIT_ACTION, entry.action());
    assertEquals(Retention.AUDIT_ACTOR, entry.actor());
    assertTrue(entry.detail().contains("support phones 0, attendance links 1, held check-ins 0, event personal fields 3"),
        entry.detail());
    assertEquals(clock.instant(), entry.at());
  }

  /**
   * Issue 15: a team member's home visit keeps what the team did (kind, household, topics, who
   * visited) for good, but its link to the member (ID hash, place, masked name) and its free
   * texts go on the event fields' period (150 days here), counted from the visit, not a day sooner.
   */
  @Test
  void aFieldRecordLosesItsMemberLinkAndFreeTextsOnTheEventFieldsPeriod() throws Exception {
    hub.hub.households.upsert(List.of(new Household("AT-T1-0002", "an-tuong", "Thôn Tân Thành", "Lê Văn Tư",
        List.of(new Member("Lê Văn Tư", "hash-tu", "**********45")), Set.of(), Set.of())));
    var team = hub.hub.users.create("doi-a", PASSWORD, Assignment.field("an-tuong", List.of("Thôn Tân Thành")));
    String visit = ids.newId();
    hub.hub.fieldRecords.save(team, List.of(new FieldRecord(visit, FieldRecordKind.HOME_VISIT, OLD, "AT-T1-0002", 0,
        "Lê V. Tư", List.of("vneid"), List.of(), "Ông Tư tự mở VNeID", null, "Con gái Lê Thị Hoa giúp", null)));

    // The visit was a day and two hours before the clock's start: 148 days on, one day inside.
    clock.advance(Duration.ofDays(148));
    assertEquals(0, hub.hub.retention.run(POLICY, false).fieldRecords());
    assertEquals("hash-tu", fieldRecord(visit).get("member_hash"), "a day inside its period");

    clock.advance(Duration.ofDays(1));
    assertEquals(1, hub.hub.retention.run(POLICY, true).fieldRecords(), "a dry run counts it");
    assertEquals("hash-tu", fieldRecord(visit).get("member_hash"), "and leaves it");
    assertEquals(1, hub.hub.retention.run(POLICY, false).fieldRecords());
    String detailLine = hub.hub.audit.recent(null, 1).get(0).detail();
    assertTrue(detailLine.contains("field record personal fields 1"), detailLine);
    Map<String, Object> row = fieldRecord(visit);
    assertNull(row.get("member_hash"));
    assertNull(row.get("member_seq"));
    assertNull(row.get("member_masked"));
    JsonNode detail = json.readTree((String) row.get("detail_json"));
    assertFalse(detail.has("canDoAlone") || detail.has("note"), detail.toString());
    assertEquals("vneid", detail.get("topics").get(0).asText(), "what the team did stays");
    assertEquals("AT-T1-0002", row.get("household_code"));
    assertEquals(1, hub.hub.fieldRecords.list("an-tuong").size(), "the record stays");
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD); // months on: idle sessions have ended
    String page = staff.get("/dashboard/c/an-tuong/households/AT-T1-0002").body();
    assertTrue(page.contains("doi-a") && !page.contains("Lê Thị Hoa") && !page.contains("tự mở VNeID"), page);
    assertEquals(0, hub.hub.retention.run(POLICY, false).fieldRecords(), "a second run finds nothing");
  }

  @Test
  void aCommuneWithItsOwnShorterPeriodLosesItsPhonesSoonerAndOnlyItsOwn() throws Exception {
    // Kon Chiêng keeps support phones 30 days (its own policy); An Tường has the hub's 90.
    Enrolment otherKiosk = hub.enrolDirectly(TestHub.OTHER_COMMUNE_POINT);
    String otherRequest = ids.newId();
    HttpResponse<String> r = hub.post("/api/v1/kiosks/" + otherKiosk.kioskId() + "/events", otherKiosk.token(),
        "{\"events\":[" + event(otherRequest, "support.requested", OLD,
            "{\"topic\":\"Cài VNeID\",\"phone\":\"0901234567\"}") + "]}");
    assertEquals(200, r.statusCode(), r.body());
    hub.hub.communeRetention.set("kon-chieng", new CommuneRetention.Periods(30, null, null), "cli:retention");

    // The request was made a day and two hours before the clock's start.
    clock.advance(Duration.ofDays(28));
    assertEquals(new RetentionRun(false, 0, 0, 0, 0, 0), hub.hub.retention.run(POLICY, false), "inside 30 days");
    clock.advance(Duration.ofDays(1));
    assertEquals(new RetentionRun(false, 1, 0, 0, 0, 0), hub.hub.retention.run(POLICY, false));
    assertNull(phoneOf(otherRequest), "Kon Chiêng's 30 days are over");
    assertEquals(OLD_PHONE, phoneOf(oldRequest), "An Tường's phone is a commune away from that policy");
    AuditLog.Entry entry = hub.hub.audit.recent(null, 1).get(0);
    assertTrue(entry.detail().contains("kon-chieng: support phones 30 d, attendance 120 d, event fields 150 d"),
        "the run names each commune's periods: " + entry.detail());

    // Back to the hub's defaults: nothing more goes until 90 days.
    hub.hub.communeRetention.set("kon-chieng", new CommuneRetention.Periods(null, null, null), "cli:retention");
    assertTrue(hub.hub.communeRetention.of("kon-chieng").isEmpty());
    assertTrue(hub.hub.audit.recent(null, 1).get(0).action().equals(CommuneRetention.AUDIT_ACTION),
        "the change of periods is audited");
  }

  @Test
  void aCheckInTakenOnAPhoneFollowsItsSessionsCommunesPeriod() throws Exception {
    // Issue 15: a team member's phone check-in names no kiosk; An Tường keeps attendance 30 days.
    hub.hub.db.writer().useTransaction(tx -> vn.giadinhso.hub.ingest.CheckIns.add(tx, SESSION, TestHub.POINT, OLD,
        vn.giadinhso.hub.ingest.CheckIns.householdKey("AT-T1-0002"), "AT-T1-0002", "field:doi-a", OLD));
    hub.hub.communeRetention.set("an-tuong", new CommuneRetention.Periods(null, 30, null), "cli:retention");

    clock.advance(Duration.ofDays(29));
    assertEquals(new RetentionRun(false, 0, 2, 0, 0, 0), hub.hub.retention.run(POLICY, false),
        "the kiosk's and the phone's check-ins of the older day");
    String phoneRow = hub.hub.db.reader().withHandle(h -> h.createQuery(
        "SELECT person_key FROM attendance WHERE kiosk_id = 'field:doi-a'").mapTo(String.class).one());
    assertTrue(phoneRow.startsWith("r:"), phoneRow);
  }

  @Test
  void aCommunesPeriodMustBeADayOrMoreAndTheCommuneMustExist() {
    assertThrows(IllegalArgumentException.class, () -> new CommuneRetention.Periods(0, null, null));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> hub.hub.communeRetention
        .set("khong-co", new CommuneRetention.Periods(30, null, null), "cli:retention"));
    assertEquals("no commune khong-co on this hub", unknown.getMessage());
  }

  @Test
  void aDryRunCountsAndChangesNothing() throws Exception {
    clock.advance(Duration.ofDays(200));
    long auditBefore = hub.hub.audit.recent(null, 100).size();
    RetentionRun dry = hub.hub.retention.run(POLICY, true);
    assertEquals(new RetentionRun(true, 2, 2, 0, 5, 0), dry);
    assertEquals(OLD_PHONE, phoneOf(oldRequest));
    assertEquals(auditBefore, hub.hub.audit.recent(null, 100).size(), "a dry run writes no audit entry");
  }

  @Test
  void serveRunsItDailyOnItsOwn() throws Exception {
    clock.advance(Duration.ofDays(89));
    hub.hub.startRetention(POLICY, Duration.ZERO);
    Awaitility.await().until(() -> phoneOf(oldRequest) == null);
    Awaitility.await().until(() -> hub.hub.audit.recent(null, 5).stream()
        .anyMatch(e -> e.action().equals(Retention.AUDIT_ACTION)));
    assertNotNull(phoneOf(newerRequest));
  }

  // --- helpers

  /** Runs retention and checks that what staff count is the same after as before. */
  private RetentionRun runKeepingCounts(Retention retention) throws Exception {
    // Months have passed on the clock: the staff member signs in again (idle sessions end).
    staff = StaffClient.signedIn(hub, "can-bo-a", PASSWORD);
    String report = staff.get("/dashboard/api/c/an-tuong/report").body();
    String session = attendanceCount();
    int requests = occurrences(staff.get("/dashboard/c/an-tuong/requests").body(), "Quên mật khẩu VNeID")
        + occurrences(staff.get("/dashboard/c/an-tuong/requests").body(), "Cài VssID");
    RetentionRun run = retention.run(POLICY, false);
    assertEquals(json.readTree(report).get("months"), json.readTree(staff.get("/dashboard/api/c/an-tuong/report").body())
        .get("months"), "the report's figures");
    assertEquals(session, attendanceCount(), "the session's attendance count");
    assertEquals(requests, occurrences(staff.get("/dashboard/c/an-tuong/requests").body(), "Quên mật khẩu VNeID")
        + occurrences(staff.get("/dashboard/c/an-tuong/requests").body(), "Cài VssID"), "the request queue");
    return run;
  }

  private String attendanceCount() throws Exception {
    String page = staff.get("/dashboard/c/an-tuong/sessions/" + SESSION).body();
    int at = page.indexOf("<span id=\"attendance-count\">");
    assertTrue(at >= 0, page);
    return page.substring(at, page.indexOf("</span>", at));
  }

  private Map<String, Object> fieldRecord(String id) {
    return hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT member_hash, member_seq, member_masked, detail_json, "
        + "household_code FROM field_record WHERE id = :id").bind("id", id).mapToMap().one());
  }

  private String phoneOf(String requestId) {
    return hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT phone FROM support_request WHERE event_id = :id")
        .bind("id", requestId).mapTo(String.class).findOne().orElse(null));
  }

  private JsonNode payload(String eventId) throws Exception {
    String payload = hub.hub.db.reader().withHandle(h -> h.createQuery("SELECT payload FROM event WHERE id = :id")
        .bind("id", eventId).mapTo(String.class).one());
    return json.readTree(payload);
  }

  private void post(String... events) throws Exception {
    HttpResponse<String> r = hub.post("/api/v1/kiosks/" + kiosk.kioskId() + "/events", kiosk.token(),
        "{\"events\":[" + String.join(",", events) + "]}");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(events.length, json.readTree(r.body()).get("accepted").asInt(), r.body());
  }

  private static String event(String id, String type, Instant at, String payload) {
    return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"payload\":" + payload + "}";
  }

  private static int occurrences(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
