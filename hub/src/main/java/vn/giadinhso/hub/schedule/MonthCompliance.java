package vn.giadinhso.hub.schedule;

import java.time.YearMonth;

/**
 * One point's month against its minimum: {@code planned} counts sessions not cancelled,
 * {@code held} those of them already over. A point is under the minimum when even its plan falls
 * short — the "teams on paper only" the movement warns about.
 */
public record MonthCompliance(SupportPoint point, YearMonth month, int planned, int held, int cancelled) {
  public boolean underMinimum() {
    return planned < point.minSessionsPerMonth();
  }

  public int required() {
    return point.minSessionsPerMonth();
  }
}
