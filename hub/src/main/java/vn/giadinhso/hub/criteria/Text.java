package vn.giadinhso.hub.criteria;

/** A text in Vietnamese (always) and English. */
public record Text(String vi, String en) {
  public Text {
    if (vi == null || vi.isBlank() || en == null || en.isBlank()) {
      throw new IllegalArgumentException("a text needs both vi and en");
    }
  }
}
