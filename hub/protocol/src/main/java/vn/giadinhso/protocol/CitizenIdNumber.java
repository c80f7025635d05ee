package vn.giadinhso.protocol;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the 12-digit personal ID number {@code PPP G YY NNNNNN}, the one definition hub and
 * kiosk both use (docs/id-number.md). PPP is the code of the province where the birth was
 * registered, G the century and sex, YY the last two digits of the birth year, NNNNNN random.
 * There is no check digit: the province list and agreement with the birth date and sex are the
 * only checks there are. Messages never repeat the number (they end up in terminals and logs).
 */
public final class CitizenIdNumber {
  public static final int LENGTH = 12;

  /**
   * The 63 province codes of Appendix I of Circular 07/2016/TT-BCA ("Danh mục mã tỉnh, thành phố
   * trực thuộc trung ương nơi công dân đăng ký khai sinh"). The 2025 merger of provinces did not
   * renumber ID numbers, so these stay valid on every card; 003, 005, 007… were never assigned.
   */
  public static final Set<String> PROVINCE_CODES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private CitizenIdNumber() {}

  /** Exactly 12 ASCII digits (no other Unicode digits: a card never prints them). */
  public static boolean isTwelveDigits(String s) {
    return s != null && s.length() == LENGTH && allAsciiDigits(s);
  }

  /** Non-empty and only {@code 0-9}. */
  public static boolean allAsciiDigits(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * True for text that could be a plain ID number (12 ASCII digits), so callers can refuse to store
   * it. Deliberately looser than {@link #problem}: an ID number with a wrong province code is
   * still personal data.
   */
  public static boolean looksLikeOne(String text) {
    // Called on every string of every ingested event: a plain loop, no regex matcher per call.
    return isTwelveDigits(text);
  }

  /** Empty when the number is well formed on its own (shape, province); else the reason. */
  public static Optional<String> problem(String id) {
    if (!isTwelveDigits(id)) {
      return Optional.of("ID number must be exactly 12 digits, got " + describeShape(id));
    }
    String province = id.substring(0, 3);
    if (!PROVINCE_CODES.contains(province)) {
      return Optional.of("ID number province code " + province
          + " is not one of the 63 codes of Circular 07/2016/TT-BCA");
    }
    return Optional.empty();
  }

  /**
   * Empty when the number is well formed and agrees with what the card says about its holder;
   * else every reason. {@code dateOfBirth} and {@code female} may be null when not known.
   */
  public static List<String> problems(String id, LocalDate dateOfBirth, Boolean female) {
    List<String> problems = new ArrayList<>();
    problem(id).ifPresent(problems::add);
    problems.addAll(disagreements(id, dateOfBirth, female));
    return problems;
  }

  /**
   * Where a 12-digit number disagrees with the holder's birth date and sex (the G and YY digits).
   * Nothing for a number that is not 12 digits: {@link #problem} reports that.
   */
  public static List<String> disagreements(String id, LocalDate dateOfBirth, Boolean female) {
    List<String> problems = new ArrayList<>();
    if (!isTwelveDigits(id)) {
      return problems;
    }
    if (dateOfBirth != null && birthYear(id) != dateOfBirth.getYear()) {
      problems.add("ID number century/year digits mean birth year " + birthYear(id)
          + " but the date of birth is in " + dateOfBirth.getYear());
    }
    if (female != null && female(id) != female) {
      problems.add("ID number century/sex digit means " + sexName(female(id)) + " but the card says "
          + sexName(female));
    }
    return problems;
  }

  /** The century the G digit names: 0/1 1900, 2/3 2000, 4/5 2100, 6/7 2200, 8/9 1800. */
  public static int century(String id) {
    int g = id.charAt(3) - '0';
    return switch (g / 2) {
      case 0 -> 1900;
      case 1 -> 2000;
      case 2 -> 2100;
      case 3 -> 2200;
      default -> 1800;
    };
  }

  /** Odd G digits are women, even ones men. */
  public static boolean female(String id) {
    return (id.charAt(3) - '0') % 2 == 1;
  }

  public static int birthYear(String id) {
    return century(id) + Integer.parseInt(id.substring(4, 6));
  }

  /**
   * {@code 001099012345} → {@code **********45}: the last two digits only, enough for staff to tell
   * members of one household apart and too little to narrow a guess (issue 10, point 1).
   */
  public static String masked(String id) {
    if (!isTwelveDigits(id)) {
      throw new IllegalArgumentException("only a 12-digit ID number can be masked");
    }
    return "**********" + id.substring(10);
  }

  private static String sexName(boolean female) {
    return female ? "FEMALE" : "MALE";
  }

  // Describes what was received without echoing it: it may be most of an ID number.
  private static String describeShape(String s) {
    if (s == null || s.isEmpty()) {
      return "an empty field";
    }
    return s.length() + " characters" + (allAsciiDigits(s) ? "" : " including non-digits");
  }
}
