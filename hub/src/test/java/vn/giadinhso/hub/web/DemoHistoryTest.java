package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.demo.DemoData;

/**
 * Issue 12: the demo comes with a year of history, read as a user reads it: through the report
 * API and the schedule pages, on both databases. The hub's clock is fixed, so the history is the
 * same each run.
 */
class DemoHistoryTest {
  static final String PASSWORD = "mat-khau-rat-dai-1";
  static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static TestHub hub;
  static StaffClient admin;

  @BeforeAll
  static void loadTheDemo() throws Exception {
    hub = new TestHub(dir.resolve("a"), new ManualClock(NOW));
    new DemoData(hub.hub).load();
    hub.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
    admin = StaffClient.signedIn(hub, "quan-tri", PASSWORD);
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  private static JsonNode report(StaffClient client, String commune) throws Exception {
    var response = client.get("/dashboard/api/c/" + commune + "/report");
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  @Test
  void everyMonthOfTheYearHasSessionsAttendancePracticeAndScans() throws Exception {
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      JsonNode months = report(admin, commune).get("months");
      assertEquals(12, months.size(), commune);
      assertEquals("2026-11", months.get(11).get("month").asText());
      assertEquals("2025-12", months.get(0).get("month").asText());
      int declarations = 0;
      int requests = 0;
      for (JsonNode m : months) {
        String where = commune + " " + m.get("month").asText() + ": " + m;
        assertTrue(m.get("sessionsHeld").asInt() >= 3, where);
        assertTrue(m.get("attendance").asInt() > 0, where);
        assertTrue(m.get("practiceCompleted").asInt() > 0, where);
        assertTrue(m.get("scans").asInt() > 0, where);
        declarations += m.get("declarations").asInt();
        requests += m.get("supportRequests").asInt();
      }
      assertTrue(declarations > 0 && requests > 0, commune + ": declarations " + declarations + ", requests " + requests);
    }
  }

  @Test
  void theRecognisedCountGrowsOverTheYearToTodaysCount() throws Exception {
    for (String commune : List.of("an-tuong", "kon-chieng")) {
      JsonNode report = report(admin, commune);
      JsonNode months = report.get("months");
      List<Integer> trend = new ArrayList<>();
      months.forEach(m -> trend.add(m.get("recognised").asInt()));
      for (int i = 1; i < trend.size(); i++) {
        assertTrue(trend.get(i) >= trend.get(i - 1), commune + ": " + trend);
      }
      assertTrue(trend.get(11) > trend.get(0) + 5, commune + " rises over the year: " + trend);
      assertEquals(report.get("areas").get(0).get("recognised").asInt(), trend.get(11),
          commune + ": the trend ends at the commune's recognised count");
    }
  }

  @Test
  void inSomeMonthsAPointIsUnderTheMinimumAndTheScheduleFlagsIt() throws Exception {
    int flagged = 0;
    YearMonth month = YearMonth.of(2026, 11);
    for (int back = 0; back < 12; back++) {
      for (String commune : List.of("an-tuong", "kon-chieng")) {
        String page = admin.get("/dashboard/c/" + commune + "/schedule?month=" + month.minusMonths(back)).body();
        // Less the test hub's own point of each commune, which has no sessions at all.
        flagged += page.split("class=\"under flag\"", -1).length - 2;
      }
    }
    assertTrue(flagged >= 4 && flagged < 24, "demo points under the minimum in a month, over the year: " + flagged);
  }

  @Test
  void theQueuesHoldRecentRequestsAndDeclarationsOnly() throws Exception {
    String requests = admin.get("/dashboard/c/an-tuong/requests").body();
    String declarations = admin.get("/dashboard/c/an-tuong/declarations").body();
    assertTrue(requests.contains("AT-T"), "open requests are listed: " + requests);
    assertTrue(declarations.contains("AT-T"), "declarations wait for staff: " + declarations);
  }

  @Test
  void loadingAgainAddsNoHistoryAndAnotherHubGetsTheSameYear() throws Exception {
    JsonNode before = report(admin, "an-tuong").get("months");
    new DemoData(hub.hub).load();
    assertEquals(before, report(admin, "an-tuong").get("months"), "a second load doubles nothing");

    try (TestHub other = new TestHub(dir.resolve("b"), new ManualClock(NOW))) {
      new DemoData(other.hub).load();
      other.hub.users.create("quan-tri", PASSWORD, UserStore.Role.ADMIN, null);
      StaffClient otherAdmin = StaffClient.signedIn(other, "quan-tri", PASSWORD);
      for (String commune : List.of("an-tuong", "kon-chieng")) {
        assertEquals(report(admin, commune), report(otherAdmin, commune), commune + ": the same seed, the same year");
      }
    }
  }
}
