package vn.giadinhso.hub.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Vietnamese mobile numbers as people write them, kept in one form. */
class PhoneNumbersTest {
  @Test
  void theWaysPeopleWriteAMobileNumberAreOneNumber() {
    for (String typed : new String[] {"0912345678", "0912 345 678", "091.234.5678", "091-234-5678", "+84 912 345 678",
        "84912345678", "(+84) 912345678"}) {
      assertEquals(Optional.of("0912345678"), PhoneNumbers.normalise(typed), typed);
    }
    for (String typed : new String[] {"0327000111", "0523000111", "0703000111", "0813000111", "0868000111", "0993000111"}) {
      assertEquals(Optional.of(typed), PhoneNumbers.normalise(typed), typed);
    }
  }

  @Test
  void landlinesOldNumbersAndShortOnesAreNotMobileNumbers() {
    for (String typed : new String[] {"", "0912", "024 3825 1234", "01689123456", "0312345678", "0512345678",
        "0912345678 9", "09123456789", "abc", "+1 912 345 678"}) {
      assertEquals(Optional.empty(), PhoneNumbers.normalise(typed), typed);
    }
  }

  @Test
  void keptNumbersAreShownInGroups() {
    assertEquals("0912 345 678", PhoneNumbers.display("0912345678"));
  }
}
