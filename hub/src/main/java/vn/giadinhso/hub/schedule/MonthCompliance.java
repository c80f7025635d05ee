package vn.giadinhso.hub.schedule;

import java.time.YearMonth;

/**
 * One point's month against its minimum: {@code planned} counts sessions not cancelled,
 * {@code held} those of them already over. A point is under the minimum when even its plan falls
 * short — the "teams on paper only" the movement warns about.
 */
public record MonthCompliance(SupportPoint point, YearMonth month, int planned, int held, int cancelled) {
  public boolean underMinimum() {
    return planned < required();
  }

  /** The point's minimum, or 0 in a month it was retired in or after (see {@link SupportPoint#minimumFor}). */
  public int required() {
    return point.minimumFor(month.plusMonths(1).atDay(1).atStartOfDay(Schedules.VIETNAM).toInstant());
  }
}
