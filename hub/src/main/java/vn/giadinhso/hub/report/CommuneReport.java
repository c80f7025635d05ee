package vn.giadinhso.hub.report;

import java.util.List;

/**
 * What the province asks of a commune: rates per commune and village, against targets, and real activity.
 * {@code vneidLevel2} counts the commune's households meeting the {@value #VNEID} criterion (null when
 * its criteria set has no such criterion).
 */
public record CommuneReport(String communeId, String communeName, Integer overallTargetPercent,
    List<Area> areas, List<CriterionRate> criteria, List<GroupRate> groups, List<Month> months, Integer vneidLevel2) {
  /** The criterion the province's "VNeID level 2" column counts, in every criteria set that has it. */
  public static final String VNEID = "vneid-level2";

  /** VNeID level 2 as a share of all the commune's households (not of those it applies to), or null. */
  public Double vneidPercent() {
    return vneidLevel2 == null ? null : percent(vneidLevel2, areas.get(0).households());
  }

  /** The commune-wide rates of its target groups (village null). */
  public List<GroupRate> communeGroups() {
    return groups.stream().filter(g -> g.village() == null).toList();
  }

  static double percent(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** The commune (village null) or one village. */
  public record Area(String village, int households, int recognised) {
    public double percent() {
      return CommuneReport.percent(recognised, households);
    }
  }

  public record CriterionRate(String id, String vi, String en, String village, int met, int applicable) {
    public double percent() {
      return CommuneReport.percent(met, applicable);
    }
  }

  /**
   * A target group's recognised households; it meets its target when its rate is at least the
   * target. The province page shows the same record per commune, so both pages agree.
   */
  public record GroupRate(String id, String vi, String en, String village, int households, int recognised, Integer targetPercent) {
    public double percent() {
      return CommuneReport.percent(recognised, households);
    }

    public boolean belowTarget() {
      return targetPercent != null && percent() < targetPercent;
    }

    public boolean meetsTarget() {
      return targetPercent != null && !belowTarget();
    }
  }

  /** How many of the groups have a target, and how many of those meet it: "2 of 3". */
  public record TargetsMet(int meeting, int withTarget) {
    public static TargetsMet of(List<GroupRate> groups) {
      return new TargetsMet((int) groups.stream().filter(GroupRate::meetsTarget).count(),
          (int) groups.stream().filter(g -> g.targetPercent() != null).count());
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
