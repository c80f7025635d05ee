package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The month ({@code 2026-11}) an instant falls in, in Vietnam time (UTC+7, no daylight saving):
 * how the dashboard counts months. Computed here rather than in SQL, which each database spells
 * differently.
 */
public final class VietnamMonth {
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  private VietnamMonth() {}

  public static String of(Instant at) {
    LocalDateTime local = LocalDateTime.ofInstant(at, VIETNAM);
    // %04d like SQLite's strftime('%Y'), which the stored months came from (no '+' past 9999).
    return String.format("%04d-%02d", local.getYear(), local.getMonthValue());
  }
}
