package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The month ({@code 2026-11}) an instant falls in, in Vietnam time (UTC+7, no daylight saving):
 * how the dashboard counts months. Computed here rather than in SQL, which each database spells
 * differently.
 *
 * <p>Called for every counted event inside ingest's write transaction, where the hub's single
 * writer waits on it: plain arithmetic on the epoch day, not {@code LocalDateTime.ofInstant}
 * (which builds the offset's rules on each call) and {@code String.format} — together they were
 * a fifth of the hub's request CPU in a profile of bench-ingest.
 */
public final class VietnamMonth {
  private static final long VIETNAM_OFFSET_SECONDS = 7 * 3600;
  private static final long SECONDS_PER_DAY = 86_400;

  private VietnamMonth() {}

  public static String of(Instant at) {
    LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond() + VIETNAM_OFFSET_SECONDS, SECONDS_PER_DAY));
    int year = date.getYear();
    int month = date.getMonthValue();
    if (year < 0 || year > 9999) {
      // %04d like SQLite's strftime('%Y'), which the stored months came from (no '+' past 9999).
      return String.format("%04d-%02d", year, month);
    }
    return new String(new char[] {digit(year / 1000), digit(year / 100 % 10), digit(year / 10 % 10), digit(year % 10),
        '-', digit(month / 10), digit(month % 10)});
  }

  private static char digit(int d) {
    return (char) ('0' + d);
  }
}
