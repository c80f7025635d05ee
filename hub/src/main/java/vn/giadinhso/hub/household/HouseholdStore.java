package vn.giadinhso.hub.household;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.criteria.StatusRecord;

/** The roster: households, their members, and each criterion's status history. */
public interface HouseholdStore {
  /** Inserts or updates by household code in one transaction; identical households are left alone. */
  UpsertCounts upsert(List<Household> households);

  /** A household's target groups and flags. */
  record Labels(java.util.Set<String> groups, java.util.Set<String> flags) {}

  /**
   * Stores a household whose groups and flags a staff member just set, and remembers that they
   * did: a later import of the roster file keeps these labels (see {@link #labelsSetByStaff}).
   */
  void upsertLabelsSetByStaff(Household household);

  /** Household code → labels, for the commune's households whose groups and flags staff set. */
  Map<String, Labels> labelsSetByStaff(String communeId);

  /** The roster file decides these households' groups and flags again. */
  void releaseLabelsSetByStaff(java.util.Collection<String> codes);

  Optional<StoredHousehold> find(String code);

  /** Every household of a commune with its members, by code (a roster preview compares a file with it). */
  Map<String, Household> roster(String communeId);

  /** Household code → commune id, for every household (checks before an import). */
  Map<String, String> communeByCode();

  /** Member ID hash → household code within a commune (an ID belongs to one household only). */
  Map<String, String> householdByMemberHash(String communeId);

  /** Appends to the status history; the household's sync revision moves on. */
  void recordStatus(String householdCode, StatusRecord record);

  List<StatusRecord> statusHistory(String householdCode, String criterionId);

  /** Households of a commune changed after {@code afterRev} (up to {@code maxRev}), oldest change first. */
  List<StoredHousehold> changedSince(String communeId, long afterRev, long maxRev, int limit);

  int count(String communeId);
}
