package vn.giadinhso.hub.household;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What applying a parsed roster file would do to the stored roster: households added, changed
 * (and which fields), left as they are, and the rows rejected. Computed before anything is stored.
 */
public record RosterChanges(List<Household> added, List<Changed> changed, int unchanged,
    List<ImportReport.Rejection> rejected, int keptStaffLabels) {

  /** The parts of a household staff recognise; members compare by name, ID hash and mask. */
  public enum Field { VILLAGE, HEAD, MEMBERS, GROUPS, FLAGS }

  public record Changed(Household household, Set<Field> fields) {}

  public RosterChanges {
    added = List.copyOf(added);
    changed = List.copyOf(changed);
    rejected = List.copyOf(rejected);
  }

  /** The households an apply stores: added and changed, in file order. */
  public List<Household> toStore() {
    List<Household> out = new ArrayList<>(added);
    changed.forEach(c -> out.add(c.household()));
    return out;
  }

  /**
   * Whether the roster changed since this preview in a way its checks would have refused: a code
   * now another commune's, or a member's ID number now another household's. Applying then would
   * store what the importer never allows, so the preview must be made again.
   */
  public boolean outdated(String communeId, Map<String, String> communeByCode, Map<String, String> householdByMemberHash) {
    for (Household h : toStore()) {
      String commune = communeByCode.get(h.code());
      if (commune != null && !commune.equals(communeId)) {
        return true;
      }
      for (Member m : h.members()) {
        String owner = m.idHash() == null ? null : householdByMemberHash.get(m.idHash());
        if (owner != null && !owner.equals(h.code())) {
          return true;
        }
      }
    }
    return false;
  }

  public static RosterChanges of(HouseholdCsvImporter.Parsed parsed, Map<String, Household> stored) {
    List<Household> added = new ArrayList<>();
    List<Changed> changed = new ArrayList<>();
    int unchanged = 0;
    for (Household h : parsed.valid()) {
      Household before = stored.get(h.code());
      if (before == null) {
        added.add(h);
        continue;
      }
      Set<Field> fields = fieldsChanged(before, h);
      if (fields.isEmpty()) {
        unchanged++;
      } else {
        changed.add(new Changed(h, fields));
      }
    }
    return new RosterChanges(added, changed, unchanged, parsed.rejections(), parsed.keptStaffLabels());
  }

  public static Set<Field> fieldsChanged(Household before, Household after) {
    Set<Field> fields = EnumSet.noneOf(Field.class);
    if (!before.village().equals(after.village())) {
      fields.add(Field.VILLAGE);
    }
    if (!before.headName().equals(after.headName())) {
      fields.add(Field.HEAD);
    }
    if (!before.members().equals(after.members())) {
      fields.add(Field.MEMBERS);
    }
    if (!before.groups().equals(after.groups())) {
      fields.add(Field.GROUPS);
    }
    if (!before.flags().equals(after.flags())) {
      fields.add(Field.FLAGS);
    }
    return fields;
  }
}
