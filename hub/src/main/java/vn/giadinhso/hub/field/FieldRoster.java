package vn.giadinhso.hub.field;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.household.StoredHousehold;
import vn.giadinhso.hub.identity.PersonName;
import vn.giadinhso.hub.storage.Database;

/**
 * What a team member's phone keeps to work without signal: the households of the villages it
 * looks after, masked as kiosks show them (names as "Nguyễn V. An", ID numbers as
 * "**********45", never a hash), with each criterion's status. Nothing of other villages.
 */
public final class FieldRoster {
  public record Village(String id, String name) {}

  public record CriterionName(String id, String vi, String en) {}

  public record MemberLine(int seq, String name, String idMasked) {}

  public record CriterionLine(String id, String status) {}

  public record HouseholdLine(String code, String villageId, String village, String head, List<MemberLine> members,
      List<CriterionLine> criteria, boolean recognised) {}

  public record Roster(String username, String communeId, Instant generatedAt, List<Village> villages,
      List<CriterionName> criteria, List<HouseholdLine> households) {}

  private final Database db;
  private final HouseholdStore households;
  private final CriteriaStore criteria;

  public FieldRoster(Database db, HouseholdStore households, CriteriaStore criteria) {
    this.db = db;
    this.households = households;
    this.criteria = criteria;
  }

  /** The roster of a field account's villages (empty for any other account). */
  public Roster of(StaffUser user, Instant now) {
    String commune = user.communeId();
    List<Village> villages = user.villages().isEmpty() || commune == null ? List.of()
        : db.reader().withHandle(h -> h.createQuery("SELECT id, name FROM village WHERE commune_id = :c AND id IN (<ids>) ORDER BY name")
            .bind("c", commune).bindList("ids", user.villages())
            .map((rs, ctx) -> new Village(rs.getString(1), rs.getString(2))).list());
    Map<String, String> idByName = new java.util.HashMap<>();
    villages.forEach(v -> idByName.put(v.name(), v.id()));
    CriteriaSet set = commune == null ? null : criteria.active(commune).orElse(null);
    List<HouseholdLine> lines = new ArrayList<>();
    if (set != null && !villages.isEmpty()) {
      for (StoredHousehold stored : households.changedSince(commune, 0, Long.MAX_VALUE, Integer.MAX_VALUE)) {
        var household = stored.household();
        String villageId = idByName.get(household.village());
        if (villageId == null) {
          continue;
        }
        List<MemberLine> members = new ArrayList<>();
        for (int seq = 0; seq < household.members().size(); seq++) {
          Member m = household.members().get(seq);
          members.add(new MemberLine(seq, PersonName.masked(m.fullName()), m.idMasked()));
        }
        var evaluation = HouseholdEvaluator.evaluate(set, household.flags(), stored.latestStatuses());
        lines.add(new HouseholdLine(household.code(), villageId, household.village(), PersonName.masked(household.headName()),
            members, evaluation.lines().stream().map(l -> new CriterionLine(l.criterionId(), l.status().name())).toList(),
            evaluation.recognised()));
      }
    }
    lines.sort(java.util.Comparator.comparing(HouseholdLine::code));
    List<CriterionName> names = set == null ? List.of()
        : set.criteria().stream().map(c -> new CriterionName(c.id(), c.text().vi(), c.text().en())).toList();
    return new Roster(user.username(), commune, now, villages, names, lines);
  }
}
