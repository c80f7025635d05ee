package vn.giadinhso.hub.criteria;

/**
 * One criterion of a commune's "Gia đình số" set; {@code appliesIf} null means every household.
 * {@code fromMembers}, when set, makes it a criterion about a person, derived from the members'
 * own progress (issue 15, hub-026): {@value #MEMBER_VNEID_LEVEL2} (at least one member with VNeID
 * level 2) or {@value #MEMBER_CORE_DIGITAL_CITIZEN} (at least one core digital citizen).
 */
public record Criterion(String id, String pillar, Text text, Condition appliesIf, String fromMembers) {
  public static final String MEMBER_VNEID_LEVEL2 = "vneid-level2";
  public static final String MEMBER_CORE_DIGITAL_CITIZEN = "core-digital-citizen";
  public static final java.util.Set<String> FROM_MEMBERS = java.util.Set.of(MEMBER_VNEID_LEVEL2, MEMBER_CORE_DIGITAL_CITIZEN);

  public Criterion {
    if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("criterion id must be 1-64 of a-z 0-9 -: " + id);
    }
    if (fromMembers != null && !FROM_MEMBERS.contains(fromMembers)) {
      throw new IllegalArgumentException("criterion " + id + ": fromMembers must be one of " + FROM_MEMBERS);
    }
  }

  /** A criterion staff, kiosks and lessons decide (not derived from members). */
  public Criterion(String id, String pillar, Text text, Condition appliesIf) {
    this(id, pillar, text, appliesIf, null);
  }
}
