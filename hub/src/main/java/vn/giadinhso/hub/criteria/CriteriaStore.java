package vn.giadinhso.hub.criteria;

import java.util.Optional;

/** Criteria sets per commune, every version kept. */
public interface CriteriaStore {
  /**
   * Stores a set (creating its commune if new). Loading the same version again with the same
   * content changes nothing; the same version with other content is refused — publish a new version.
   *
   * @return true when something was stored
   */
  boolean load(CriteriaSet set);

  /** The newest version for the commune. */
  Optional<CriteriaSet> active(String communeId);

  /** One stored version of a commune's set, for the version history. */
  record Version(int version, Text title, int criteria, java.time.Instant loadedAt) {}

  /** Every version of the commune's set, newest first. */
  java.util.List<Version> history(String communeId);

  /** The communes that have a set, in id order. */
  java.util.List<String> communesWithSets();

  /** Whether a set of the commune was loaded after sync revision {@code afterRev}, up to {@code maxRev}. */
  boolean changedBetween(String communeId, long afterRev, long maxRev);
}
