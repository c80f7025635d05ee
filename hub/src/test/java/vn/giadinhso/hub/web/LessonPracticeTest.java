package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.Events;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;

/** A lesson completed at a kiosk counts as practice for its criteria: PRACTISED, never MET. */
class LessonPracticeTest extends KioskRoutesTest {
  @BeforeEach
  void households() {
    hub.hub.households.upsert(List.of(
        new Household("AT-T1-0001", "an-tuong", "Thôn Tân Thành", "Nguyễn Văn An",
            List.of(new Member("Nguyễn Văn An", null, null)), new TreeSet<>(), new TreeSet<>()),
        new Household("KC-T1-0001", "kon-chieng", "Làng Đê Tar", "Đinh Văn Blơng",
            List.of(new Member("Đinh Văn Blơng", null, null)), new TreeSet<>(), new TreeSet<>())));
  }

  private String completed(String id, String household, String... criteria) {
    String list = String.join(",", java.util.Arrays.stream(criteria).map(c -> "\"" + c + "\"").toList());
    return Events.event(id, "lesson.completed", "{\"lessonId\":\"vneid-level2\",\"version\":1,"
        + (household == null ? "" : "\"householdCode\":\"" + household + "\",")
        + "\"criteria\":[" + list + "],\"score\":100,\"durationSeconds\":412}");
  }

  private List<StatusRecord> history(String household, String criterion) {
    return hub.hub.households.statusHistory(household, criterion);
  }

  @Test
  void aCompletedLessonMarksItsCriteriaPractisedAndKiosksSeeIt() throws Exception {
    String cursor = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync", kiosk.token()).body())
        .get("cursor").asText();
    var response = hub.post(path, kiosk.token(), "{\"events\":[" + completed(events.newId(), "AT-T1-0001",
        "vneid-level2", "information-security") + "]}");
    assertEquals(200, response.statusCode(), response.body());
    List<StatusRecord> vneid = history("AT-T1-0001", "vneid-level2");
    assertEquals(1, vneid.size());
    assertEquals(CriterionStatus.PRACTISED, vneid.get(0).status());
    assertEquals("kiosk", vneid.get(0).source());
    assertEquals(kiosk.kioskId(), vneid.get(0).actor());
    assertEquals(Instant.parse("2026-11-21T01:30:00Z"), vneid.get(0).at());
    assertEquals(CriterionStatus.PRACTISED, history("AT-T1-0001", "information-security").get(0).status());

    JsonNode delta = json.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync?since=" + cursor,
        kiosk.token()).body());
    assertEquals("AT-T1-0001", delta.get("households").get(0).get("code").asText());
    assertTrue(delta.toString().contains("\"PRACTISED\""));
    assertEquals(0, delta.get("households").get(0).get("met").asInt(), "practice is not verification");
  }

  @Test
  void aRetriedBatchDoesNotRecordThePracticeTwice() throws Exception {
    String batch = "{\"events\":[" + completed(events.newId(), "AT-T1-0001", "vneid-level2") + "]}";
    hub.post(path, kiosk.token(), batch);
    hub.post(path, kiosk.token(), batch);
    assertEquals(1, history("AT-T1-0001", "vneid-level2").size());
  }

  @Test
  void practiceNeverOverridesAVerifiedCriterion() throws Exception {
    hub.hub.households.recordStatus("AT-T1-0001", new StatusRecord("vneid-level2", CriterionStatus.MET, "staff",
        "can-bo", Instant.parse("2026-11-01T00:00:00Z"), "checked"));
    hub.post(path, kiosk.token(), "{\"events\":[" + completed(events.newId(), "AT-T1-0001", "vneid-level2") + "]}");
    List<StatusRecord> h = history("AT-T1-0001", "vneid-level2");
    assertEquals(1, h.size());
    assertEquals(CriterionStatus.MET, h.get(0).status());
  }

  @Test
  void householdsOfAnotherCommuneUnknownCriteriaAndAnonymousPracticeChangeNoStatus() throws Exception {
    var response = hub.post(path, kiosk.token(), "{\"events\":["
        + completed(events.newId(), "KC-T1-0001", "vneid-level2") + ","
        + completed(events.newId(), "AT-T1-0001", "no-such-criterion") + ","
        + completed(events.newId(), null, "vneid-level2") + "]}");
    assertEquals(200, response.statusCode());
    assertEquals(3, json.readTree(response.body()).get("accepted").asInt(), "the events are still logged");
    assertTrue(history("KC-T1-0001", "vneid-level2").isEmpty());
    assertTrue(history("AT-T1-0001", "no-such-criterion").isEmpty());
    assertTrue(history("AT-T1-0001", "vneid-level2").isEmpty());
  }
}
