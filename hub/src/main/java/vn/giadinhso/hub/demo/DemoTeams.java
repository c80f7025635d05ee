package vn.giadinhso.hub.demo;

import java.time.LocalDate;
import java.util.List;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.teams.MemberDetails;
import vn.giadinhso.hub.teams.Team;
import vn.giadinhso.hub.teams.TeamMember;
import vn.giadinhso.hub.teams.TrainingDetails;

/**
 * A community technology team for the demo's first village (issue 15): five members
 * (fictitious names and numbers), each looking after some of the village's households, most of
 * them trained on "Bình dân học vụ số"; a few households left to nobody, so the list shows them.
 * Added once: a commune that has a team already keeps its register.
 */
final class DemoTeams {
  private record Person(String name, String phone, String role) {}

  private static final List<Person> PEOPLE = List.of(
      new Person("Nguyễn Văn Hùng", "0900 000 101", "LEADER"),
      new Person("Trần Thị Mai", "0900 000 102", "DEPUTY"),
      new Person("Lê Minh Tuấn", "0900 000 103", "MEMBER"),
      new Person("Phạm Thị Hồng", "0900 000 104", "MEMBER"),
      new Person("Võ Quốc Bảo", "0900 000 105", "MEMBER"));

  private final HubApp hub;

  DemoTeams(HubApp hub) {
    this.hub = hub;
  }

  void ensure(String communeId, String villageName) {
    if (!hub.teams.summaries(communeId).isEmpty()) {
      return;
    }
    String villageId = hub.teams.villages(communeId).entrySet().stream().filter(v -> v.getValue().equals(villageName))
        .map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
    Team team = hub.teams.createTeam(communeId, villageId, "Tổ công nghệ số cộng đồng " + villageName.replaceFirst("^Thôn", "thôn"));
    List<String> codes = hub.households.roster(communeId).values().stream().filter(h -> h.village().equals(villageName))
        .map(Household::code).sorted().toList();
    LocalDate today = LocalDate.now(hub.clock.withZone(DemoData.VIETNAM));
    for (int i = 0; i < PEOPLE.size(); i++) {
      Person p = PEOPLE.get(i);
      TeamMember member = hub.teams.addMember(team, MemberDetails.of(p.name(), p.phone(), p.role(), ""));
      // Five households each, the last few of the village left to nobody.
      for (int k = i * 5; k < Math.min(codes.size() - 3, i * 5 + 5); k++) {
        hub.teams.assign(team, member, codes.get(k));
      }
      if (i < 4) {
        hub.teams.addTraining(member, TrainingDetails.of("Bình dân học vụ số", today.minusDays(40L + 7 * i).toString(),
            "BDHVS-" + today.getYear() + "-" + String.format("%04d", 101 + i), "UBND xã", today));
      }
    }
  }
}
