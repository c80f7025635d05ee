package vn.giadinhso.protocol;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The masked name kiosks show and match on. A kiosk keeps only a 14-bit tag of a member's hash,
 * so a card is matched by tag and by name: the card's full name is masked the way the hub masks
 * the roster's names, then both are folded (no diacritics, lower case) because the MRZ on the back
 * of a card carries no diacritics ("NGUYEN VAN AN" must match "Nguyễn V. An").
 */
public final class MemberNames {
  private MemberNames() {}

  /**
   * Family name and given name whole, middle names as initials: "Nguyễn Thị Hoa" → "Nguyễn T. Hoa".
   * The same rule as the hub's {@code PersonName.masked}.
   */
  public static String mask(String fullName) {
    String[] parts = Normalizer.normalize(fullName.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC).split(" ");
    if (parts.length <= 2) {
      return String.join(" ", parts);
    }
    StringBuilder out = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length - 1; i++) {
      out.append(' ').appendCodePoint(parts[i].codePointAt(0)).append('.');
    }
    return out.append(' ').append(parts[parts.length - 1]).toString();
  }

  /**
   * Case- and diacritic-insensitive form: NFD, combining marks removed, đ → d, lower case (root
   * locale), runs of white space as one space. "Nguyễn T. Hoa" and "NGUYEN T. HOA" fold alike.
   */
  public static String fold(String name) {
    String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    boolean space = false;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** What a card's full name is matched by: fold(mask(fullName)). */
  public static String cardKey(String fullName) {
    return fold(mask(fullName));
  }
}
