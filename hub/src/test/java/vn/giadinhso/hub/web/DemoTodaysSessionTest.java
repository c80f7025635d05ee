package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.Session;

/**
 * Issue 13: whatever day the demo runs, the demo kiosk's point has a session today (Vietnam time)
 * that the kiosk receives by sync, so staff can show attendance-taking — also days later with the
 * same data, and without a second one when loaded again the same day.
 */
class DemoTodaysSessionTest {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  // A Wednesday evening in Vietnam: the demo point's weekly sessions are on Saturdays.
  private static final Instant WEDNESDAY_EVENING = Instant.parse("2026-11-25T12:30:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theDemoKiosksPointHasASessionUnderWayTodayAndAgainOnALaterDay() throws Exception {
    ManualClock clock = new ManualClock(WEDNESDAY_EVENING);
    try (TestHub hub = new TestHub(dir, clock)) {
      DemoData.Result demo = new DemoData(hub.hub).load();
      List<Session> today = sessionsOn(hub, demo.firstPointId(), clock.instant());
      assertEquals(1, today.size(), "one session today: " + today);
      Session session = today.get(0);
      assertTrue(!session.startsAt().isAfter(clock.instant()) && session.endsAt().isAfter(clock.instant()),
          "under way when the demo starts: " + session);

      Enrolment kiosk = hub.enrolDirectly(demo.firstPointId());
      assertTrue(syncedSessionIds(hub, kiosk).contains(session.id()), "the kiosk receives it by sync");

      new DemoData(hub.hub).load();
      assertEquals(today, sessionsOn(hub, demo.firstPointId(), clock.instant()), "loading again adds none");

      clock.advance(Duration.ofDays(3)); // Saturday evening, after that day's weekly session ended
      new DemoData(hub.hub).load();
      List<Session> later = sessionsOn(hub, demo.firstPointId(), clock.instant());
      assertTrue(later.stream().anyMatch(s -> s.status() == Session.Status.SCHEDULED
          && !s.startsAt().isAfter(clock.instant()) && s.endsAt().isAfter(clock.instant())),
          "a session under way on the later day too: " + later);
    }
  }

  private static List<Session> sessionsOn(TestHub hub, String point, Instant now) {
    LocalDate day = now.atZone(VIETNAM).toLocalDate();
    return hub.hub.schedule.sessionsStarting(point, day.atStartOfDay(VIETNAM).toInstant(),
        day.plusDays(1).atStartOfDay(VIETNAM).toInstant());
  }

  private static List<String> syncedSessionIds(TestHub hub, Enrolment kiosk) throws Exception {
    List<String> ids = new ArrayList<>();
    String cursor = null;
    for (int page = 0; page < 1000; page++) {
      JsonNode body = JSON.readTree(hub.get("/api/v1/kiosks/" + kiosk.kioskId() + "/sync"
          + (cursor == null ? "" : "?since=" + cursor), kiosk.token()).body());
      body.path("sessions").forEach(s -> ids.add(s.path("id").asText()));
      String next = body.path("cursor").asText(null);
      if (!body.path("more").asBoolean(false) || next == null || next.equals(cursor)) {
        break;
      }
      cursor = next;
    }
    return ids;
  }
}
