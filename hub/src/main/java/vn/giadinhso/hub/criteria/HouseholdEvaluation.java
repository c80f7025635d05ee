package vn.giadinhso.hub.criteria;

import java.time.Instant;
import java.util.List;
import vn.giadinhso.protocol.CriterionStatus;

/** A household measured against its commune's criteria set. */
public record HouseholdEvaluation(List<Line> lines, boolean recognised, int met, int applicable) {

  /** One criterion's effective status; {@code source}/{@code at} are null when nothing was recorded. */
  public record Line(String criterionId, CriterionStatus status, String source, Instant at) {}

  public HouseholdEvaluation {
    lines = List.copyOf(lines);
  }
}
