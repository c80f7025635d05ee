package vn.giadinhso.hub.identity;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a 12-digit personal ID number as far as the hub can without the card: shape and the
 * province-of-birth code (PPP). The century/sex digit is checked against the birth date by the
 * kiosk, which reads it from the card.
 */
public final class CitizenIdNumber {
  private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

  // Province codes of the place of birth registration (Circular 07/2016/TT-BCA); they never
  // changed with the 2025 merger, so old codes stay valid on every card.
  private static final Set<String> PROVINCE_CODES =
      Set.of(
          "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
          "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
          "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
          "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
          "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private CitizenIdNumber() {}

  /** Empty when the number is acceptable, else the reason in plain words (never echoing the number). */
  public static Optional<String> problem(String candidate) {
    if (candidate == null || !TWELVE_DIGITS.matcher(candidate).matches()) {
      return Optional.of("ID number must be exactly 12 digits");
    }
    if (!PROVINCE_CODES.contains(candidate.substring(0, 3))) {
      return Optional.of("ID number starts with " + candidate.substring(0, 3) + ", which is no province code");
    }
    return Optional.empty();
  }

  /**
   * {@code 001099012345} → {@code **********45}: enough for staff to tell a household's members
   * apart. Only the last 2 digits show: with the first 4 visible too, one guess in 10^6 was left,
   * which a staff account with the member hashes could try out in seconds (issue 10.1).
   */
  public static String masked(String idNumber) {
    return "**********" + idNumber.substring(10);
  }

  /** True for text that could be a plain ID number, so callers can refuse to store it. */
  public static boolean looksLikeOne(String text) {
    // Called on every string of every ingested event: a plain loop, no regex matcher per call.
    if (text == null || text.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
