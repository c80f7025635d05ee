package vn.giadinhso.hub.identity;

import java.text.Normalizer;

/** Vietnamese names as kiosks may show them to whoever stands at the screen. */
public final class PersonName {
  private PersonName() {}

  public static String normalise(String name) {
    return Normalizer.normalize(name.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
  }

  /**
   * Keeps the family name and the given name (what neighbours call a person) and reduces middle
   * names to initials: "Nguyễn Thị Hoa" → "Nguyễn T. Hoa". Recognisable to its owner, less so to
   * a passer-by reading the screen.
   */
  public static String masked(String fullName) {
    String[] parts = normalise(fullName).split(" ");
    if (parts.length <= 2) {
      return String.join(" ", parts);
    }
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length - 1; i++) {
      out.append(' ').append(parts[i].codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)).append('.');
    }
    return out.append(' ').append(parts[parts.length - 1]).toString();
  }
}
