package vn.giadinhso.hub.report;

import java.util.List;

/** What the province asks of a commune: rates per commune and village, against targets, and real activity. */
public record CommuneReport(String communeId, String communeName, Integer overallTargetPercent,
    List<Area> areas, List<CriterionRate> criteria, List<GroupRate> groups, List<Month> months) {

  /** The commune (village null) or one village. */
  public record Area(String village, int households, int recognised) {
    public double percent() {
      return households == 0 ? 0 : 100.0 * recognised / households;
    }
  }

  public record CriterionRate(String id, String vi, String en, String village, int met, int applicable) {
    public double percent() {
      return applicable == 0 ? 0 : 100.0 * met / applicable;
    }
  }

  public record GroupRate(String id, String vi, String en, String village, int households, int recognised, Integer targetPercent) {
    public double percent() {
      return households == 0 ? 0 : 100.0 * recognised / households;
    }

    public boolean belowTarget() {
      return targetPercent != null && percent() < targetPercent;
    }
  }

  /**
   * One month of activity: sessions held/planned vs required, people attending, practice, scans,
   * declarations; and {@code recognised}, the households recognised at the month's end (of those
   * recognised today, the ones whose last needed criterion was met by then).
   */
  public record Month(String month, int sessionsHeld, int sessionsPlanned, int sessionsRequired, int attendance,
      int practiceCompleted, int scans, int declarations, int supportRequests, int recognised) {}
}
