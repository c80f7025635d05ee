package vn.giadinhso.hub.household;

/** What an upsert did: households created, changed, and found already as given. */
public record UpsertCounts(int created, int updated, int unchanged) {
  public UpsertCounts plus(UpsertCounts other) {
    return new UpsertCounts(created + other.created, updated + other.updated, unchanged + other.unchanged);
  }
}
