package vn.giadinhso.hub.people;

import java.time.Instant;
import java.util.Set;

/**
 * One entry of a member's VNeID level-2 trail: activated or not, who established it and how.
 * {@code source} is one of {@link #SOURCES}: staff saw it themselves, staff verified what the
 * resident declared at a kiosk, or a team member verified it in the field.
 */
public record VneidRecord(boolean activated, String source, Instant at, String actor) {
  public static final String STAFF = "staff";
  public static final String KIOSK_DECLARED_VERIFIED = "kiosk-declared-verified";
  public static final String FIELD_VERIFIED = "field-verified";
  public static final Set<String> SOURCES = Set.of(STAFF, KIOSK_DECLARED_VERIFIED, FIELD_VERIFIED);

  public VneidRecord {
    if (!SOURCES.contains(source)) {
      throw new IllegalArgumentException("VNeID source must be one of " + SOURCES + ": " + source);
    }
  }
}
