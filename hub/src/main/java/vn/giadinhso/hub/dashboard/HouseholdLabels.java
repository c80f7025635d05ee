package vn.giadinhso.hub.dashboard;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.StoredHousehold;

/**
 * Staff set a household's target groups and flags. Only groups and flags the commune's criteria
 * set names are accepted (a group the household already has stays allowed, e.g. from an older
 * set). The change goes through {@link HouseholdStore#upsertLabelsSetByStaff}, so the household
 * gets a new revision (kiosks receive it on their next sync, the report rollup recounts it) and a
 * later import of the roster file keeps what staff set. Every change is written to the audit log
 * with the before and after.
 */
public final class HouseholdLabels {
  /** What changed; {@code changed} false when the form repeated what was stored. */
  public record Result(boolean changed, Set<String> groups, Set<String> flags) {}

  private final HouseholdStore households;
  private final CriteriaStore criteria;
  private final AuditLog audit;

  public HouseholdLabels(HouseholdStore households, CriteriaStore criteria, AuditLog audit) {
    this.households = households;
    this.criteria = criteria;
    this.audit = audit;
  }

  /**
   * @throws IllegalArgumentException naming the first unknown group or flag
   * @throws java.util.NoSuchElementException if the household is not in this commune
   */
  public Result update(String communeId, String code, Set<String> groups, Set<String> flags, String actor) {
    StoredHousehold stored = households.find(code).filter(h -> h.household().communeId().equals(communeId))
        .orElseThrow(() -> new java.util.NoSuchElementException("no household " + code + " in " + communeId));
    CriteriaSet set = criteria.active(communeId).orElseThrow(() -> new IllegalStateException("no criteria set"));
    Household before = stored.household();
    for (String g : groups) {
      if (!set.knowsGroup(g) && !before.groups().contains(g)) {
        throw new IllegalArgumentException("nhóm không có trong bộ tiêu chí · unknown group: " + g);
      }
    }
    for (String f : flags) {
      if (!set.allowsFlag(f) && !before.flags().contains(f)) {
        throw new IllegalArgumentException("đặc điểm không có trong bộ tiêu chí · unknown flag: " + f);
      }
    }
    Set<String> newGroups = new TreeSet<>(groups);
    Set<String> newFlags = new TreeSet<>(flags);
    if (newGroups.equals(before.groups()) && newFlags.equals(before.flags())) {
      return new Result(false, before.groups(), before.flags());
    }
    households.upsertLabelsSetByStaff(new Household(before.code(), before.communeId(), before.village(),
        before.headName(), before.members(), newGroups, newFlags));
    audit.record(actor, communeId, "household.labels", code,
        "groups " + before.groups() + " -> " + newGroups + "; flags " + before.flags() + " -> " + newFlags);
    return new Result(true, newGroups, newFlags);
  }

  /** The groups and flags staff may choose from for this household, in the set's order. */
  public static List<String> choosableGroups(CriteriaSet set, Household household) {
    TreeSet<String> extra = new TreeSet<>(household.groups());
    set.groups().forEach(g -> extra.remove(g.id()));
    List<String> out = new java.util.ArrayList<>(set.groups().stream().map(g -> g.id()).toList());
    out.addAll(extra);
    return out;
  }

  public static List<String> choosableFlags(CriteriaSet set, Household household) {
    TreeSet<String> extra = new TreeSet<>(household.flags());
    extra.removeAll(set.flags());
    extra.removeAll(CriteriaSet.COMMON_FLAGS);
    List<String> out = new java.util.ArrayList<>(set.flags());
    out.addAll(CriteriaSet.COMMON_FLAGS);
    out.addAll(extra);
    return out;
  }

  static Optional<String> groupName(CriteriaSet set, String id) {
    return set.groups().stream().filter(g -> g.id().equals(id)).map(g -> g.name().vi()).findFirst();
  }

  /** Vietnamese name of a group for the form, or its id when the set does not name it. */
  public static String groupLabel(CriteriaSet set, String id) {
    return groupName(set, id).orElse(id);
  }
}
