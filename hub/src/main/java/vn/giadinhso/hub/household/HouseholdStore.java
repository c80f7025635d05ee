package vn.giadinhso.hub.household;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.criteria.StatusRecord;

/** The roster: households, their members, and each criterion's status history. */
public interface HouseholdStore {
  /** Inserts or updates by household code in one transaction; identical households are left alone. */
  UpsertCounts upsert(List<Household> households);

  Optional<StoredHousehold> find(String code);

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
