package vn.giadinhso.hub.dashboard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import vn.giadinhso.hub.schedule.MonthCompliance;

/**
 * What a commune's overview shows: recognised households, this month's sessions against each
 * point's minimum, attendance and practice this month, the two queues, kiosks not seen for a day,
 * and the next sessions.
 */
public record CommuneOverviewFigures(String communeId, YearMonth month, long households, long recognised,
    List<MonthCompliance> points, int attendance, int practice, int openRequests, int declarationsWaiting,
    int staleKiosks, int activeKiosks, List<NextSession> nextSessions) {

  public CommuneOverviewFigures {
    points = List.copyOf(points);
    nextSessions = List.copyOf(nextSessions);
  }

  /** A session still to come (or under way), with its point's name. */
  public record NextSession(String id, String pointId, String pointName, Instant startsAt, Instant endsAt,
      String topic, String place) {}

  public double percentRecognised() {
    return households == 0 ? 0 : 100.0 * recognised / households;
  }

  public int sessionsHeld() {
    return points.stream().mapToInt(MonthCompliance::held).sum();
  }

  public int sessionsPlanned() {
    return points.stream().mapToInt(MonthCompliance::planned).sum();
  }

  public int sessionsRequired() {
    return points.stream().mapToInt(MonthCompliance::required).sum();
  }

  public List<MonthCompliance> pointsUnderMinimum() {
    return points.stream().filter(MonthCompliance::underMinimum).toList();
  }
}
