package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import vn.giadinhso.protocol.CriterionStatus;

/** One criterion's status for a household; {@code at} as the hub sent it (ISO-8601), may be null. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CriterionState(String id, CriterionStatus status, String source, String at) {
}
