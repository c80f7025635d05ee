package vn.giadinhso.hub.criteria;

/** One criterion of a commune's "Gia đình số" set; {@code appliesIf} null means every household. */
public record Criterion(String id, String pillar, Text text, Condition appliesIf) {
  public Criterion {
    if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("criterion id must be 1-64 of a-z 0-9 -: " + id);
    }
  }
}
