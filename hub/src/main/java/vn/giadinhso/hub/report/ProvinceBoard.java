package vn.giadinhso.hub.report;

import java.util.List;

/**
 * A province's communes side by side for this month: the roll-up's households, recognised,
 * VNeID level-2 and target-group counts, sessions against each point's minimum, attendance,
 * practice, the queues and stale kiosks; and the province's last twelve months.
 */
public record ProvinceBoard(String province, String month, List<Row> rows, List<Month> months) {
  public ProvinceBoard {
    rows = List.copyOf(rows);
    months = List.copyOf(months);
  }

  /** The communes on the board, in its order. */
  public List<String> communeIds() {
    return rows.stream().map(Row::id).toList();
  }

  /**
   * One commune; {@code pointsUnderMinimum} names the support points whose plan falls short of
   * their minimum; {@code vneidLevel2} is null when its criteria set has no such criterion.
   */
  public record Row(String id, String name, long households, long recognised, Long vneidLevel2,
      List<CommuneReport.GroupRate> groups, int sessionsHeld, int sessionsPlanned,
      int sessionsRequired, List<String> pointsUnderMinimum, int attendance, int practice, int openRequests,
      int declarationsWaiting, int staleKiosks) {
    public Row {
      groups = List.copyOf(groups);
      pointsUnderMinimum = List.copyOf(pointsUnderMinimum);
    }

    public double percent() {
      return CommuneReport.percent(recognised, households);
    }

    public Double vneidPercent() {
      return vneidLevel2 == null ? null : CommuneReport.percent(vneidLevel2, households);
    }

    public CommuneReport.TargetsMet targets() {
      return CommuneReport.TargetsMet.of(groups);
    }

    /** The groups with a target they do not meet, for the row's note. */
    public List<CommuneReport.GroupRate> belowTarget() {
      return groups.stream().filter(CommuneReport.GroupRate::belowTarget).toList();
    }
  }

  /**
   * One month of the province (its communes summed): households recognised at the month's end,
   * and sessions held (not cancelled, over by now) at its support points.
   */
  public record Month(String month, long recognised, int sessionsHeld) {}
}
