package vn.giadinhso.hub.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The event log's time text and the dashboard's month, written by hand for speed, must be exactly
 * what the JDK writes: stored rows from before and after the change are compared and grouped as text.
 */
class InstantTextTest {
  static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  @Test
  void knownAnswers() {
    assertEquals("2026-11-21T08:30:00Z", InstantText.of(Instant.parse("2026-11-21T08:30:00Z")));
    assertEquals("2026-11-21T08:30:00.120Z", InstantText.of(Instant.parse("2026-11-21T08:30:00.12Z")));
    assertEquals("2026-11-21T08:30:00.000001Z", InstantText.of(Instant.parse("2026-11-21T08:30:00.000001Z")));
    assertEquals("2026-11-21T08:30:00.000000007Z", InstantText.of(Instant.parse("2026-11-21T08:30:00.000000007Z")));
    assertEquals("1970-01-01T00:00:00Z", InstantText.of(Instant.EPOCH));
    // Vietnam is UTC+7: 17:00 UTC on the last day of a month is already the next month there.
    assertEquals("2026-11", VietnamMonth.of(Instant.parse("2026-11-30T16:59:59Z")));
    assertEquals("2026-12", VietnamMonth.of(Instant.parse("2026-11-30T17:00:00Z")));
    assertEquals("2027-01", VietnamMonth.of(Instant.parse("2026-12-31T17:00:00Z")));
    assertEquals("1970-01", VietnamMonth.of(Instant.EPOCH));
  }

  @Test
  void sameTextAsTheJdkAcrossTheRangeEventsMayHave() {
    SplittableRandom random = new SplittableRandom(20261130);
    for (int i = 0; i < 200_000; i++) {
      long seconds = random.nextLong(0, LATEST + 1);
      int nanos = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant at = Instant.ofEpochSecond(seconds, nanos);
      assertEquals(at.toString(), InstantText.of(at));
      LocalDateTime vietnam = LocalDateTime.ofInstant(at, ZoneOffset.ofHours(7));
      assertEquals(String.format("%04d-%02d", vietnam.getYear(), vietnam.getMonthValue()), VietnamMonth.of(at), at.toString());
    }
  }
}
