package vn.giadinhso.hub.teams;

/**
 * A change to the register that its rules refuse. {@code kind} names the rule (the dashboard's
 * message key is {@code teams.error.<kind>}); {@code detail} is what the message may name (a
 * field, a team's name) and never a phone number or anything else typed that was wrong.
 */
public final class TeamRejected extends RuntimeException {
  private final String kind;
  private final String detail;

  public TeamRejected(String kind, String detail) {
    super(kind + (detail.isEmpty() ? "" : ": " + detail), null, false, false);
    this.kind = kind;
    this.detail = detail;
  }

  public TeamRejected(String kind) {
    this(kind, "");
  }

  public String kind() {
    return kind;
  }

  public String detail() {
    return detail;
  }
}
