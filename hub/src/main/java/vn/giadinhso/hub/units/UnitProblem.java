package vn.giadinhso.hub.units;

/** Why a line of a units file cannot be applied; line 1 is the header. */
public record UnitProblem(long line, String reason) {
  @Override
  public String toString() {
    return "line " + line + ": " + reason;
  }
}
