package vn.giadinhso.hub.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.protocol.CriterionStatus;

/**
 * What publishing a new criteria set would do to a commune's households: each household is
 * evaluated by {@link HouseholdEvaluator} (the one rule sync and the reports use) under the
 * current set and under the new one, against its recorded statuses as they are now. Nothing is
 * stored; the statuses themselves do not change, only what they add up to.
 */
public final class CriteriaPreview {
  /** A household as the preview needs it: who (for the list) and what it has recorded. */
  public record Subject(String code, String village, String headName, Set<String> flags,
      Map<String, StatusRecord> latest) {}

  /** A household whose recognition changes; {@code holdingBack} are the new set's criteria it does not meet. */
  public record Change(String code, String village, String headName, boolean nowRecognised, List<String> holdingBack) {}

  /**
   * @param households every household of the commune
   * @param recognisedBefore / recognisedAfter how many are a "Gia đình số" under each set
   * @param changes the households whose status changes, in the order they were given
   */
  public record Result(int households, int recognisedBefore, int recognisedAfter, List<Change> changes,
      List<String> criteriaAdded, List<String> criteriaRemoved) {
    public long lost() {
      return changes.stream().filter(c -> !c.nowRecognised()).count();
    }

    public long gained() {
      return changes.stream().filter(Change::nowRecognised).count();
    }
  }

  private CriteriaPreview() {}

  public static Result compute(Optional<CriteriaSet> current, CriteriaSet proposed, Iterable<Subject> households) {
    int total = 0;
    int before = 0;
    int after = 0;
    List<Change> changes = new ArrayList<>();
    for (Subject h : households) {
      total++;
      boolean was = current.map(set -> HouseholdEvaluator.evaluate(set, h.flags(), h.latest()).recognised()).orElse(false);
      HouseholdEvaluation next = HouseholdEvaluator.evaluate(proposed, h.flags(), h.latest());
      before += was ? 1 : 0;
      after += next.recognised() ? 1 : 0;
      if (was != next.recognised()) {
        List<String> holdingBack = next.lines().stream()
            .filter(l -> l.status() != CriterionStatus.MET && l.status() != CriterionStatus.NOT_APPLICABLE)
            .map(HouseholdEvaluation.Line::criterionId).toList();
        changes.add(new Change(h.code(), h.village(), h.headName(), next.recognised(), holdingBack));
      }
    }
    List<String> oldIds = current.map(s -> s.criteria().stream().map(Criterion::id).toList()).orElse(List.of());
    List<String> newIds = proposed.criteria().stream().map(Criterion::id).toList();
    return new Result(total, before, after, changes,
        newIds.stream().filter(id -> !oldIds.contains(id)).toList(),
        oldIds.stream().filter(id -> !newIds.contains(id)).toList());
  }
}
