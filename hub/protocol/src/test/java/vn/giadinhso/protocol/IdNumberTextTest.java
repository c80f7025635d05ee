package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTextTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "052190099903",
      "0521 9009 9903",
      "0521.9009.9903",
      "052-190-099-903",
      "0521_9009_9903",
      "0521/9009/9903",
      "0521\u00A09009\u00A09903",
      "0521\t9009\t9903",
      "0521 - 9009 - 9903",
      "０５２１９００９９９０３",
      "０５２１ ９００９ ９９０３",
      "052190099903||Trần Văn S|01011990|Nam|Thôn Hội Long, Ân Tường, Gia Lai|01072024",
      "Trần V. S. 052190099903",
      "Trần V. S.052190099903",
      "số 052\u200B190\u200B099\u200B903",
      "CCCD:052190099903.",
      "0521900999031",
      "x052190099903",
  })
  void findsAnIdNumberInEveryShape(String text) {
    assertTrue(IdNumberText.containsIdNumber(text), text);
    assertFalse(IdNumberText.redact(text).matches(".*\\d{12}.*"), () -> IdNumberText.redact(text));
    assertTrue(IdNumberText.redact(text).contains(IdNumberText.REDACTED));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "",
      "Nguyễn Văn An",
      "0912345678",
      "0912 345 678",
      "+84 912 345 678",
      "0912345678, 0987654321",
      "05219009990",
      "019aa5c0-0000-7000-8000-000000000001",
      "00000000-0000-7000-8000-123456789012",
      "event 019aa5c0-0000-7abc-8000-052190099903 stored",
      "2026-11-21T08:30:00Z",
      "2026-11-21T08:30:00.123456789+07:00",
      "2026-11-21 08:30:00",
      "965e39e2a41b0c5d0123456789012345e7f1a2b3c4d5e6f708192a3b4c5d6e7f",
      "AT-T1-0001",
      "s-an-tuong-ubnd-20261125",
      "01011990",
  })
  void leavesOrdinaryTextAlone(String text) {
    assertFalse(IdNumberText.containsIdNumber(text), text);
    assertEquals(text, IdNumberText.redact(text));
  }

  @Test
  void redactsEachNumberAndKeepsTheRest() {
    assertEquals("Trần V. S. [ID]", IdNumberText.redact("Trần V. S. 052190099903"));
    assertEquals("[ID]||Trần Văn S|01011990|Nam", IdNumberText.redact("052190099903||Trần Văn S|01011990|Nam"));
    assertEquals("a [ID], b [ID].", IdNumberText.redact("a 0521 9009 9903, b ００１０９９０１２３４５."));
    assertEquals(null, IdNumberText.redact(null));
    assertFalse(IdNumberText.containsIdNumber(null));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "52190099903, true",       // 052190099903 without its leading zero
      "1099012345, true",        // 001099012345
      "052190099903, true",
      "-52190099903, true",
      "79203012345, true",       // 079203012345: Hồ Chí Minh, born 2003
      "1764500000, false",       // epoch seconds, 2025: century digit 7
      "1764500000000, false",    // epoch milliseconds: 13 digits
      "912345678, false",        // a phone number without its 0
      "53190099903, false",      // 053 is no province code
      "52990099903, false",      // century digit 9
      "123456789012, true",      // 12 digits in a row, as text would be
      "42, false",
  })
  void judgesAJsonIntegerByItsZeroPaddedForm(String digits, boolean expected) {
    assertEquals(expected, IdNumberText.isIdNumberAsInteger(digits));
  }
}
