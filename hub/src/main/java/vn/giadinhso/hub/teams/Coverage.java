package vn.giadinhso.hub.teams;

/** A commune's register in figures: what its teams page and the reports show. */
public record Coverage(int teams, int members, int trained, int lookedAfter, int households) {
  /** Share of the commune's households some member looks after, 0–100; 0 for a commune without households. */
  public double lookedAfterPercent() {
    return households == 0 ? 0 : 100.0 * lookedAfter / households;
  }
}
