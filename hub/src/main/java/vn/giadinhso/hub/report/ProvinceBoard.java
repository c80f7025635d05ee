package vn.giadinhso.hub.report;

import java.util.List;

/**
 * A province's communes side by side for this month: the roll-up's households and recognised
 * counts, sessions against each point's minimum, attendance, practice, the queues and stale kiosks.
 */
public record ProvinceBoard(String province, String month, List<Row> rows) {
  public ProvinceBoard {
    rows = List.copyOf(rows);
  }

  /** One commune; {@code pointsUnderMinimum} names the support points whose plan falls short of their minimum. */
  public record Row(String id, String name, long households, long recognised, int sessionsHeld, int sessionsPlanned,
      int sessionsRequired, List<String> pointsUnderMinimum, int attendance, int practice, int openRequests,
      int declarationsWaiting, int staleKiosks) {
    public Row {
      pointsUnderMinimum = List.copyOf(pointsUnderMinimum);
    }

    public double percent() {
      return households == 0 ? 0 : 100.0 * recognised / households;
    }
  }
}
