package vn.giadinhso.hub.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.report.ReportRollup;
import vn.giadinhso.hub.schedule.MonthCompliance;
import vn.giadinhso.hub.schedule.ScheduleStore;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.storage.Database;

/**
 * A commune's first page in figures: what its report, schedule, queues and kiosk pages each show,
 * read from the same small tables they read — the roll-up counts, this month's sessions, the
 * monthly attendance and activity counts, the queues and the kiosk list. A fixed number of
 * queries whatever the commune's size (the roll-up's refresh costs what changed since the last
 * page); never a scan of households or events.
 */
public final class CommuneOverview {
  /** How many upcoming sessions the page lists. */
  public static final int NEXT_SESSIONS = 5;

  private final Database db;
  private final ReportRollup rollup;
  private final ScheduleStore schedule;
  private final Schedules schedules;
  private final KioskList kiosks;
  private final Clock clock;

  public CommuneOverview(Database db, ReportRollup rollup, ScheduleStore schedule, Schedules schedules,
      KioskList kiosks, Clock clock) {
    this.db = db;
    this.rollup = rollup;
    this.schedule = schedule;
    this.schedules = schedules;
    this.kiosks = kiosks;
    this.clock = clock;
  }

  public CommuneOverviewFigures build(String communeId) {
    Instant now = clock.instant();
    YearMonth month = schedules.currentMonth();
    rollup.refresh(communeId);
    List<SupportPoint> points = schedule.points(communeId);
    Map<String, String> pointNames = new HashMap<>();
    points.forEach(p -> pointNames.put(p.id(), p.name()));
    List<KioskList.Entry> kioskList = kiosks.forCommune(communeId);
    return db.reader().inTransaction(h -> {
      Map<String, Long> counts = rollupCounts(h, communeId);
      long declared = counts.entrySet().stream().filter(e -> e.getKey().endsWith(ReportRollup.DECLARED))
          .mapToLong(Map.Entry::getValue).sum();
      List<MonthCompliance> compliance = compliance(h, points, month, now);
      List<CommuneOverviewFigures.NextSession> next = nextSessions(h, communeId, now, pointNames);
      return new CommuneOverviewFigures(communeId, month, counts.getOrDefault("households", 0L),
          counts.getOrDefault("recognised", 0L), compliance,
          monthSum(h, "SELECT SUM(a.n) FROM attendance_month a JOIN support_point p ON p.id = a.support_point_id "
              + "WHERE p.commune_id = :c AND a.month = :m", communeId, month),
          monthSum(h, "SELECT SUM(a.n) FROM activity_month a JOIN support_point p ON p.id = a.support_point_id "
              + "WHERE p.commune_id = :c AND a.month = :m AND a.type = 'lesson.completed'", communeId, month),
          count(h, "SELECT COUNT(*) FROM support_request r JOIN kiosk k ON k.id = r.kiosk_id "
              + "JOIN support_point p ON p.id = k.support_point_id WHERE p.commune_id = :c AND r.status <> 'CLOSED'", communeId),
          (int) declared + kioskDeclarationsNotYetCounted(h, communeId),
          (int) kioskList.stream().filter(KioskList.Entry::stale).count(),
          (int) kioskList.stream().filter(k -> !k.revoked()).count(),
          next);
    });
  }

  /** The commune's households, recognised and declared-criterion counts from the roll-up. */
  private static Map<String, Long> rollupCounts(Handle h, String communeId) {
    Map<String, Long> counts = new HashMap<>();
    h.createQuery("SELECT key, SUM(n) FROM report_count WHERE commune_id = :c "
            + "AND (key IN ('households', 'recognised') OR key LIKE 'c:%" + ReportRollup.DECLARED + "') GROUP BY key")
        .bind("c", communeId)
        .map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
    return counts;
  }

  /**
   * Kiosk declarations not yet decided whose household's newest status for the criterion is not
   * (yet) DECLARED: the declarations queue shows a household's criterion once, whichever way it
   * arrived, so these add to the roll-up's DECLARED keys (as the province page counts them).
   */
  private static int kioskDeclarationsNotYetCounted(Handle h, String communeId) {
    return count(h, "SELECT COUNT(DISTINCT d.household_code || ' ' || d.criterion_id) FROM declaration d "
        + "JOIN household hh ON hh.code = d.household_code "
        + "LEFT JOIN report_contribution rc ON rc.household_code = d.household_code "
        + "WHERE d.decided_at IS NULL AND hh.commune_id = :c "
        + "AND (rc.keys IS NULL OR (' ' || rc.keys || ' ') NOT LIKE ('% c:' || d.criterion_id || '"
        + ReportRollup.DECLARED + " %'))", communeId);
  }

  /**
   * Each point's month as {@link Schedules#compliance} counts it (planned: not cancelled; held:
   * also over), from one query over the commune's sessions instead of one per point.
   */
  private static List<MonthCompliance> compliance(Handle h, List<SupportPoint> points, YearMonth month, Instant now) {
    Map<String, int[]> tally = new HashMap<>();
    points.forEach(p -> tally.put(p.id(), new int[3]));
    Instant from = month.atDay(1).atStartOfDay(Schedules.VIETNAM).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(Schedules.VIETNAM).toInstant();
    if (!points.isEmpty()) {
      h.createQuery("SELECT support_point_id, ends_at, status FROM session "
              + "WHERE support_point_id IN (<points>) AND starts_at >= :from AND starts_at < :to")
          .bindList("points", points.stream().map(SupportPoint::id).toList())
          .bind("from", from.toString()).bind("to", to.toString())
          .map((rs, ctx) -> {
            int[] t = tally.get(rs.getString(1));
            if ("CANCELLED".equals(rs.getString(3))) {
              t[2]++;
            } else {
              t[0]++;
              if (Instant.parse(rs.getString(2)).isBefore(now)) {
                t[1]++;
              }
            }
            return null;
          }).list();
    }
    List<MonthCompliance> out = new ArrayList<>(points.size());
    for (SupportPoint p : points) {
      int[] t = tally.get(p.id());
      out.add(new MonthCompliance(p, month, t[0], t[1], t[2]));
    }
    return out;
  }

  /** Sessions not cancelled and not yet over, soonest first. */
  private static List<CommuneOverviewFigures.NextSession> nextSessions(Handle h, String communeId, Instant now,
      Map<String, String> pointNames) {
    return h.createQuery("SELECT s.id, s.support_point_id, s.starts_at, s.ends_at, s.topic, s.place FROM session s "
            + "JOIN support_point p ON p.id = s.support_point_id "
            + "WHERE p.commune_id = :c AND s.status <> 'CANCELLED' AND s.ends_at > :now ORDER BY s.starts_at, s.id LIMIT :n")
        .bind("c", communeId).bind("now", now.toString()).bind("n", NEXT_SESSIONS)
        .map((rs, ctx) -> new CommuneOverviewFigures.NextSession(rs.getString(1), rs.getString(2),
            pointNames.getOrDefault(rs.getString(2), rs.getString(2)), Instant.parse(rs.getString(3)),
            Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6)))
        .list();
  }

  private static int monthSum(Handle h, String sql, String communeId, YearMonth month) {
    return h.createQuery(sql).bind("c", communeId).bind("m", month.toString())
        .map((rs, ctx) -> rs.getInt(1)).one();
  }

  private static int count(Handle h, String sql, String communeId) {
    return h.createQuery(sql).bind("c", communeId).map((rs, ctx) -> rs.getInt(1)).one();
  }
}
