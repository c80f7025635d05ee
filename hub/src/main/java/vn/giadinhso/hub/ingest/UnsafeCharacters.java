package vn.giadinhso.hub.ingest;

/**
 * Characters an id from a kiosk may not hold, because they can forge or disturb a log line or a
 * page: C0 and C1 controls (U+0000–U+001F, U+007F–U+009F), the line and paragraph separators
 * (U+2028, U+2029) and the bidirectional marks and overrides (U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069) that reorder what a reader sees. One definition for event ids, payload ids and
 * keys, the kiosk id in the path, enrolment codes and stored request headers.
 */
public final class UnsafeCharacters {
  private UnsafeCharacters() {}

  public static boolean isUnsafe(char c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
      return true;
    }
    // Everything else below U+200E is ordinary text; one comparison keeps the common case cheap.
    return c >= 0x200E && (c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
  }

  public static boolean in(char[] chars, int offset, int length) {
    for (int i = offset, end = offset + length; i < end; i++) {
      if (isUnsafe(chars[i])) {
        return true;
      }
    }
    return false;
  }

  public static boolean in(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isUnsafe(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** {@code s} without its unsafe characters (for text that is kept, such as a request header). */
  public static String removedFrom(String s) {
    if (!in(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      if (!isUnsafe(s.charAt(i))) {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }
}
