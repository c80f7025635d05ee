package vn.giadinhso.hub.units;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How unit names are compared and turned into ids: without case, diacritics or the unit's type
 * ("Xã Ân Tường", "xa an tuong" and "Ân Tường" are one name), because criteria sets, the
 * statistics office's catalogue and the name lists spell them differently.
 */
public final class UnitNames {
  private UnitNames() {}

  /** Lower case ASCII, đ as d, no type prefix, single spaces. */
  public static String fold(String name) {
    String s = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
        .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    return s.replaceFirst("^(xa|phuong|dac khu|thi tran|tinh|thanh pho) ", "");
  }

  /** The id a new commune gets from its name when the file gives none: "Xã Ân Tường" → an-tuong. */
  public static String slug(String name) {
    return fold(name).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
  }
}
