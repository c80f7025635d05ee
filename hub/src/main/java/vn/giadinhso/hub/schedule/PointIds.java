package vn.giadinhso.hub.schedule;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** Ids for points created in the browser: the commune and the name without diacritics, e.g. an-tuong-nvh-thon-tan-thanh. */
public final class PointIds {
  private PointIds() {}

  /** The first of {@code base}, {@code base-2}, {@code base-3}… that {@code taken} says is free. */
  public static String fresh(String communeId, String name, Predicate<String> taken) {
    String ascii = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    String base = (communeId + "-" + (ascii.isEmpty() ? "diem" : ascii));
    base = base.substring(0, Math.min(base.length(), 56)).replaceAll("-$", "");
    String id = base;
    for (int n = 2; taken.test(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}
