package vn.giadinhso.hub.report;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recognised households at the end of each month, from the roll-up's {@code r:<month>} keys (how
 * many of today's recognised households became so in that month): those before the window, then
 * month by month. The commune report and the province page both count this way.
 */
final class RecognisedTrend {
  private RecognisedTrend() {}

  /** month (yyyy-MM) → households that became recognised then, from counts holding {@code r:} keys. */
  static TreeMap<String, Long> since(Map<String, ? extends Number> counts) {
    TreeMap<String, Long> since = new TreeMap<>();
    counts.forEach((k, n) -> {
      if (k.startsWith(ReportRollup.RECOGNISED_SINCE)) {
        since.merge(k.substring(ReportRollup.RECOGNISED_SINCE.length()), n.longValue(), Long::sum);
      }
    });
    return since;
  }

  /** Recognised at the end of each month from {@code first} to {@code last}. */
  static Map<String, Long> byMonth(TreeMap<String, Long> since, YearMonth first, YearMonth last) {
    long recognised = since.headMap(first.toString()).values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      recognised += since.getOrDefault(m.toString(), 0L);
      out.put(m.toString(), recognised);
    }
    return out;
  }
}
