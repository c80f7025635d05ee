package vn.giadinhso.hub.criteria;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A commune's versioned criteria for recognising a "Gia đình số", with the groups it reports on
 * and, where the plan sets one, the share of all households it aims for.
 */
public record CriteriaSet(
    String communeId,
    String communeName,
    String province,
    int version,
    Text title,
    String source,
    List<Pillar> pillars,
    List<Criterion> criteria,
    List<TargetGroup> groups,
    List<String> flags,
    Integer overallTargetPercent) {

  /**
   * "Officials' household" (hộ cán bộ, công chức): a household flag every commune has whatever its
   * set lists, because the person-level targets count by it (issue 15, hub-026).
   */
  public static final String OFFICIALS_HOUSEHOLD = "officials-household";
  /** Flags every set accepts besides its own {@code flags}. */
  public static final List<String> COMMON_FLAGS = List.of(OFFICIALS_HOUSEHOLD);

  public CriteriaSet {
    pillars = List.copyOf(pillars);
    criteria = List.copyOf(criteria);
    groups = List.copyOf(groups == null ? List.of() : groups);
    flags = List.copyOf(flags == null ? List.of() : flags);
    if (version < 1) {
      throw new IllegalArgumentException("version must be 1 or more");
    }
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("a criteria set needs at least one criterion");
    }
    Set<String> pillarIds = new HashSet<>();
    pillars.forEach(p -> pillarIds.add(p.id()));
    Set<String> ids = new HashSet<>();
    for (Criterion c : criteria) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("criterion id " + c.id() + " appears twice");
      }
      if (!pillarIds.contains(c.pillar())) {
        throw new IllegalArgumentException("criterion " + c.id() + " names unknown pillar " + c.pillar());
      }
      List<String> known = flags;
      if (c.appliesIf() != null && !c.appliesIf().anyFlag().stream().allMatch(f -> known.contains(f) || COMMON_FLAGS.contains(f))) {
        throw new IllegalArgumentException("criterion " + c.id() + " names a flag not listed in flags");
      }
    }
  }

  public boolean hasCriterion(String criterionId) {
    return criteria.stream().anyMatch(c -> c.id().equals(criterionId));
  }

  /** Whether a household may carry this flag: one of the set's, or a {@link #COMMON_FLAGS common} one. */
  public boolean allowsFlag(String flag) {
    return flags.contains(flag) || COMMON_FLAGS.contains(flag);
  }

  public boolean knowsGroup(String groupId) {
    return groups.stream().anyMatch(g -> g.id().equals(groupId));
  }
}
