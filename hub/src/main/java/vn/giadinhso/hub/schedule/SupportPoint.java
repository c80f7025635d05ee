package vn.giadinhso.hub.schedule;

/** A digital support point: a culture house, the commune office, a community activity point. */
public record SupportPoint(String id, String communeId, String name, String place, int minSessionsPerMonth) {
  public SupportPoint {
    if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("support point id must be 1-64 of a-z 0-9 -");
    }
    if (minSessionsPerMonth < 0) {
      throw new IllegalArgumentException("minimum sessions per month cannot be negative");
    }
  }
}
