package vn.giadinhso.hub.teams;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese mobile numbers as people write them: {@code 0912 345 678}, {@code 091.234.5678},
 * {@code +84 912 345 678}, {@code 84912345678}. Kept in one form, ten digits starting with 0, so
 * that one person is one number in the register. Mobile prefixes since the 2018 renumbering: 03x
 * (32–39), 05x (52, 56, 58, 59), 07x (70, 76–79), 08x (81–89), 09x; a landline or an old 11-digit
 * 01x number is refused (a team member is reached on a mobile).
 */
public final class PhoneNumbers {
  private static final Pattern MOBILE = Pattern.compile("0(3[2-9]|5[2689]|7[06-9]|8[1-9]|9\\d)\\d{7}");

  private PhoneNumbers() {}

  /** The number in its kept form, or empty when it is not a Vietnamese mobile number. */
  public static Optional<String> normalise(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String digits = typed.strip().replaceAll("[\\s.\\-()]", "");
    if (digits.startsWith("+84")) {
      digits = "0" + digits.substring(3);
    } else if (digits.startsWith("84") && digits.length() == 11) {
      digits = "0" + digits.substring(2);
    }
    return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }

  /** {@code 0912 345 678}: how a kept number is shown. */
  public static String display(String kept) {
    return kept.length() == 10 ? kept.substring(0, 4) + " " + kept.substring(4, 7) + " " + kept.substring(7) : kept;
  }
}
