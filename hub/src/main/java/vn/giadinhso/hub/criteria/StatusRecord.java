package vn.giadinhso.hub.criteria;

import java.time.Instant;
import vn.giadinhso.protocol.CriterionStatus;

/** One entry of a household's status history for one criterion. */
public record StatusRecord(
    String criterionId, CriterionStatus status, String source, String actor, Instant at, String note) {
  public StatusRecord {
    if (status == CriterionStatus.NOT_APPLICABLE) {
      throw new IllegalArgumentException("NOT_APPLICABLE is computed from the criteria set, never recorded");
    }
  }
}
