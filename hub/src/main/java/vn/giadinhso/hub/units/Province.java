package vn.giadinhso.hub.units;

/**
 * A province. {@code code} is the official two-digit code of the post-2025 catalogue, or a
 * provisional "x…" code for a province the hub knows only by a name in a criteria set.
 */
public record Province(String code, String name, String source) {
  public boolean official() {
    return code.matches("\\d{2}");
  }
}
