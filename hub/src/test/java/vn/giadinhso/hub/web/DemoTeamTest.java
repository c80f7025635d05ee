package vn.giadinhso.hub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ManualClock;
import vn.giadinhso.hub.TestHub;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.teams.Coverage;
import vn.giadinhso.hub.teams.TeamSummary;

/** Issue 15: the demo's quick start shows a technology team, and loading the demo again adds no second one. */
class DemoTeamTest {
  @TempDir Path dir;

  @Test
  void theDemoHasOneTeamWithTrainedMembersAndHouseholdsLeftToNobody() throws Exception {
    try (TestHub hub = new TestHub(dir, new ManualClock(Instant.parse("2026-11-25T03:00:00Z")))) {
      new DemoData(hub.hub).load();
      // Loading again keeps the register (and issues a fresh admin password).
      DemoData.Result demo = new DemoData(hub.hub).load();
      List<TeamSummary> teams = hub.hub.teams.summaries("an-tuong");
      assertEquals(1, teams.size(), teams.toString());
      TeamSummary team = teams.get(0);
      assertEquals("Tổ công nghệ số cộng đồng thôn Tân Thành", team.team().name());
      assertEquals("Nguyễn Văn Hùng", team.leaderName());
      assertEquals(5, team.members());
      assertEquals(4, team.trained());
      assertEquals(team.areaHouseholds() - 3, team.lookedAfter(), team.toString());
      Coverage coverage = hub.hub.teams.coverage("an-tuong");
      assertTrue(coverage.lookedAfter() > 0 && coverage.lookedAfter() < coverage.households(), coverage.toString());

      StaffClient admin = StaffClient.signedIn(hub, "admin", demo.adminPassword());
      String page = admin.get("/dashboard/c/an-tuong/teams").body();
      assertTrue(page.contains("Tổ công nghệ số cộng đồng thôn Tân Thành") && page.contains("Nguyễn Văn Hùng"), page);

      // The team's own account for the phone app sees its village's households and no other's.
      StaffClient field = StaffClient.signedIn(hub, DemoData.FIELD_USERNAME, demo.fieldPassword());
      var roster = new com.fasterxml.jackson.databind.ObjectMapper().readTree(field.get("/field/api/roster").body());
      var villages = new java.util.TreeSet<String>();
      roster.get("households").forEach(h -> villages.add(h.get("village").asText()));
      assertEquals(java.util.Set.of("Thôn Tân Thành"), villages, roster.toString());
      assertEquals(403, field.get("/dashboard/c/an-tuong/teams").statusCode(), "no dashboard pages for a field account");
    }
  }
}
