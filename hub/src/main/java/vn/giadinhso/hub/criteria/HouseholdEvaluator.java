package vn.giadinhso.hub.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * The one function that decides a household's status. Sync, the dashboard and every report call
 * it, so "Gia đình số" means the same thing on every screen.
 */
public final class HouseholdEvaluator {
  private HouseholdEvaluator() {}

  /**
   * @param latest the newest recorded status per criterion id (older history does not count)
   */
  public static HouseholdEvaluation evaluate(
      CriteriaSet set, Set<String> householdFlags, Map<String, StatusRecord> latest) {
    List<HouseholdEvaluation.Line> lines = new ArrayList<>();
    int applicable = 0;
    int met = 0;
    for (Criterion criterion : set.criteria()) {
      if (criterion.appliesIf() != null && !criterion.appliesIf().holdsFor(householdFlags)) {
        lines.add(new HouseholdEvaluation.Line(criterion.id(), CriterionStatus.NOT_APPLICABLE, null, null));
        continue;
      }
      applicable++;
      StatusRecord record = latest.get(criterion.id());
      if (record == null) {
        lines.add(new HouseholdEvaluation.Line(criterion.id(), CriterionStatus.NOT_MET, null, null));
        continue;
      }
      if (record.status() == CriterionStatus.MET) {
        met++;
      }
      lines.add(new HouseholdEvaluation.Line(criterion.id(), record.status(), record.source(), record.at()));
    }
    return new HouseholdEvaluation(lines, applicable > 0 && met == applicable, met, applicable);
  }
}
