package vn.giadinhso.protocol;

import java.text.Normalizer;
import java.util.Set;

/**
 * Finds a 12-digit citizen ID number hidden in a piece of text, whatever its shape: spaced
 * ({@code 0521 9009 9903}), dotted, dashed, in full-width digits ({@code ０５２１…}), at the end of a
 * name, or as the first field of a raw CCCD QR string. One definition for the hub's ingest, its
 * imports and the kiosk, so that no side lets through what another refuses.
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>Text with any non-ASCII character is first put in Unicode NFKC (full-width and other
 *       compatibility digits become ASCII digits); any other Unicode decimal digit counts as a
 *       digit too.
 *   <li>A <em>run</em> is a sequence of digits in which separators between digits are ignored:
 *       space, NBSP and every Unicode space, {@code . - _ /}, Unicode dashes and invisible format
 *       characters (zero-width space…), any number of them in a row.
 *   <li>A run of <b>12 or more</b> digits is an ID number. A longer run is flagged too, on
 *       purpose: {@code 0521900999031} is an ID with one digit of padding to a human reader, and
 *       nothing a kiosk or an import legitimately writes holds 12 digits in a row (phone numbers
 *       have 10-11, dates 8, times 6). Two phone numbers separated only by spaces are therefore
 *       flagged; separate them with a comma.
 *   <li>Two shapes of identifier are skipped whole, because their digits are not a number: a
 *       canonical UUID ({@code 8-4-4-4-12} hex, whose last group is all digits about once in 280)
 *       and a hex word of 32 or more characters with at least one letter a-f (hashes such as a
 *       member's HMAC). Hiding a number deliberately inside such a shape is not something a text
 *       filter can stop (no more than base64 could be); this class stops the accidental and the
 *       simple-minded shapes.
 * </ol>
 *
 * <p>JSON numbers lose their leading zeros ({@code 052190099903} is the number 52190099903), so
 * {@link #isIdNumberAsInteger} flags 12 significant digits, and 10-11 when the number written back
 * with its zeros starts with a known province-of-birth code and a century digit of 0-3 (so that
 * epoch seconds, 10 digits starting 17…, pass).
 *
 * <p>Runs on every string of every ingested event, so the common case (ASCII, fewer than 12
 * digits) is one loop over the characters with no allocation, and there is no regex.
 */
public final class IdNumberText {
  /** What {@link #redact} puts where a number was. */
  public static final String REDACTED = "[ID]";

  private static final int ID_DIGITS = 12;
  private static final int MIN_HEX_WORD = 32;

  // The first three digits of every ID number: one list, CitizenIdNumber's.
  private static final Set<String> PROVINCE_CODES = CitizenIdNumber.PROVINCE_CODES;

  private IdNumberText() {}

  /** True when {@code text} holds an ID number in any of the shapes described above. */
  public static boolean containsIdNumber(CharSequence text) {
    if (text == null) {
      return false;
    }
    String t = normalised(text);
    return t != null && findRun(t, 0) != null;
  }

  /**
   * As {@link #containsIdNumber(CharSequence)} for {@code length} characters of {@code chars} from
   * {@code offset}, as a streaming JSON parser hands them out: no copy unless the fast path fails.
   */
  public static boolean containsIdNumber(char[] chars, int offset, int length) {
    int digits = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = chars[i];
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c >= 0x80) {
        digits = ID_DIGITS;
        break;
      }
    }
    return digits >= ID_DIGITS && containsIdNumber(new String(chars, offset, length));
  }

  /**
   * {@code text} with every ID number replaced by {@value #REDACTED}; text with non-ASCII
   * characters comes back in NFKC when anything was replaced. Null stays null.
   */
  public static String redact(CharSequence text) {
    if (text == null) {
      return null;
    }
    String t = normalised(text);
    if (t == null) {
      return text.toString();
    }
    StringBuilder out = null;
    int copied = 0;
    int[] run;
    int from = 0;
    while ((run = findRun(t, from)) != null) {
      if (out == null) {
        out = new StringBuilder(t.length());
      }
      out.append(t, copied, run[0]).append(REDACTED);
      copied = run[1];
      from = run[1];
    }
    if (out == null) {
      return text.toString();
    }
    return out.append(t, copied, t.length()).toString();
  }

  /**
   * True when an integer written with {@code digits} (ASCII, optionally signed, as a JSON parser
   * gives it) may be an ID number: 12 significant digits, or 10 to 11 (an ID that lost its leading
   * zeros) which, padded with zeros to 12, start with a province code and a century/sex digit 0-3
   * (born 1900-2099). Epoch seconds (17…, 10 digits), phone numbers (9-10 digits without their 0)
   * and epoch milliseconds (13 digits) are not.
   */
  public static boolean isIdNumberAsInteger(CharSequence digits) {
    int start = 0;
    int n = digits.length();
    if (n > 0 && (digits.charAt(0) == '-' || digits.charAt(0) == '+')) {
      start = 1;
    }
    while (start < n && digits.charAt(start) == '0') {
      start++;
    }
    int significant = n - start;
    if (significant == ID_DIGITS) {
      return true; // no real one (they all start with 0), but 12 digits in a row is refused as text too
    }
    if (significant < 10 || significant > ID_DIGITS) {
      return false;
    }
    char[] padded = new char[ID_DIGITS];
    int pad = ID_DIGITS - significant;
    for (int i = 0; i < ID_DIGITS; i++) {
      char c = i < pad ? '0' : digits.charAt(start + i - pad);
      if (c < '0' || c > '9') {
        return false;
      }
      padded[i] = c;
    }
    return PROVINCE_CODES.contains(new String(padded, 0, 3)) && padded[3] >= '0' && padded[3] <= '3';
  }

  /**
   * The text to scan, or null when it cannot hold a number (fewer than 12 digits): the fast path.
   * Only text with a non-ASCII character pays for NFKC.
   */
  private static String normalised(CharSequence text) {
    int digits = 0;
    boolean ascii = true;
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return digits < ID_DIGITS ? null : text.toString();
    }
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC);
    digits = 0;
    for (int i = 0, n = t.length(); i < n; i++) {
      if (isDigit(t.charAt(i))) {
        digits++;
      }
    }
    return digits < ID_DIGITS ? null : t;
  }

  /** The first flagged run at or after {@code from}, as {start, end}, or null. */
  private static int[] findRun(String t, int from) {
    int n = t.length();
    int i = from;
    while (i < n) {
      char c = t.charAt(i);
      if (isAsciiAlnum(c) && (i == 0 || !isAsciiAlnum(t.charAt(i - 1)))) {
        int opaqueEnd = opaqueEnd(t, i);
        if (opaqueEnd > 0) {
          i = opaqueEnd;
          continue;
        }
      }
      if (!isDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int j = i;
      int end;
      while (true) {
        while (j < n && isDigit(t.charAt(j))) {
          j++;
          digits++;
        }
        end = j;
        int k = j;
        while (k < n && isSeparator(t.charAt(k))) {
          k++;
        }
        if (k > j && k < n && isDigit(t.charAt(k)) && !(isAsciiAlnum(t.charAt(k)) && opaqueEnd(t, k) > 0)) {
          j = k;
          continue;
        }
        break;
      }
      if (digits >= ID_DIGITS) {
        return new int[] {start, end};
      }
      i = end;
    }
    return null;
  }

  /** End of a UUID or long hex word starting at {@code i} (a word start), or -1. */
  private static int opaqueEnd(String t, int i) {
    int n = t.length();
    if (i + 36 <= n && isUuid(t, i) && (i + 36 == n || !isAsciiAlnum(t.charAt(i + 36)))) {
      return i + 36;
    }
    int j = i;
    boolean letter = false;
    while (j < n && isHex(t.charAt(j))) {
      letter |= t.charAt(j) > '9';
      j++;
    }
    if (letter && j - i >= MIN_HEX_WORD && (j == n || !isAsciiAlnum(t.charAt(j)))) {
      return j;
    }
    return -1;
  }

  private static boolean isUuid(String t, int i) {
    for (int k = 0; k < 36; k++) {
      char c = t.charAt(i + k);
      boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
      if (dash ? c != '-' : !isHex(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= 0x80 && Character.isDigit(c));
  }

  private static boolean isSeparator(char c) {
    if (c < 0x80) {
      return c == ' ' || c == '.' || c == '-' || c == '_' || c == '/';
    }
    int type = Character.getType(c);
    return Character.isSpaceChar(c) || type == Character.DASH_PUNCTUATION || type == Character.FORMAT;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
