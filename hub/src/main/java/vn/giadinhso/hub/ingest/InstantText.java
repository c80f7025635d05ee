package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * {@link Instant#toString()}'s text (ISO-8601, UTC, fraction in groups of three digits as needed),
 * written without {@code DateTimeFormatter}: the event log stores each event's time as this text,
 * and ingest writes it for every event inside the single writer's transaction, where the
 * formatter was the largest cost of the INSERT's Java side. Same text, to the character, as
 * {@code toString()} (InstantTextTest compares them); years outside 0–9999 go to {@code toString()}.
 */
final class InstantText {
  private InstantText() {}

  static String of(Instant at) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), 0, ZoneOffset.UTC);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      return at.toString();
    }
    StringBuilder s = new StringBuilder(30);
    pad(s, year, 4).append('-');
    pad(s, t.getMonthValue(), 2).append('-');
    pad(s, t.getDayOfMonth(), 2).append('T');
    pad(s, t.getHour(), 2).append(':');
    pad(s, t.getMinute(), 2).append(':');
    pad(s, t.getSecond(), 2);
    int nano = at.getNano();
    if (nano > 0) {
      s.append('.');
      if (nano % 1_000_000 == 0) {
        pad(s, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        pad(s, nano / 1000, 6);
      } else {
        pad(s, nano, 9);
      }
    }
    return s.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder s, int value, int width) {
    for (int divisor = pow10(width - 1); divisor > 0; divisor /= 10) {
      s.append((char) ('0' + value / divisor % 10));
    }
    return s;
  }

  private static int pow10(int n) {
    int p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
