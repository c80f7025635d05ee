package vn.giadinhso.hub.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;

/**
 * Builds the province page from tables that are already small: the roll-up (through
 * {@link ProvinceReports}), support points and this month's sessions, the monthly attendance and
 * activity counts, the request and declaration queues, the kiosk list, and the earlier months'
 * sessions for the trend. A fixed number of queries over the province whatever its size — never
 * a scan of households or events — so 100 communes and a million households cost what the roll-up
 * and the pending declarations cost (bench-reports --communes times it).
 */
public final class ProvinceBoards {
  /** As the commune's kiosk page: a kiosk not heard from for a day needs someone to look. */
  public static final Duration STALE_AFTER = Duration.ofHours(24);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Database db;
  private final ProvinceReports reports;
  private final Clock clock;

  public ProvinceBoards(Database db, ProvinceReports reports, Clock clock) {
    this.db = db;
    this.reports = reports;
    this.clock = clock;
  }

  public ProvinceBoard build(String province) {
    ProvinceReport report = reports.build(province);
    Instant now = clock.instant();
    YearMonth month = YearMonth.from(now.atZone(VIETNAM));
    Instant from = month.atDay(1).atStartOfDay(VIETNAM).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(VIETNAM).toInstant();
    Map<String, Tally> tallies = new HashMap<>();
    for (ProvinceReport.Commune c : report.communes()) {
      tallies.put(c.id(), new Tally());
    }
    db.reader().useHandle(h -> {
      sessions(h, province, from, to, now, tallies);
      perCommune(h, "SELECT p.commune_id, SUM(a.n) FROM attendance_month a "
          + "JOIN support_point p ON p.id = a.support_point_id JOIN commune c ON c.id = p.commune_id "
          + "WHERE c.province_code = :p AND a.month = :m GROUP BY p.commune_id", province, month, tallies,
          (t, n) -> t.attendance = n);
      perCommune(h, "SELECT p.commune_id, SUM(a.n) FROM activity_month a "
          + "JOIN support_point p ON p.id = a.support_point_id JOIN commune c ON c.id = p.commune_id "
          + "WHERE c.province_code = :p AND a.month = :m AND a.type = 'lesson.completed' GROUP BY p.commune_id",
          province, month, tallies, (t, n) -> t.practice = n);
      perCommune(h, "SELECT p.commune_id, COUNT(*) FROM support_request r JOIN kiosk k ON k.id = r.kiosk_id "
          + "JOIN support_point p ON p.id = k.support_point_id JOIN commune c ON c.id = p.commune_id "
          + "WHERE c.province_code = :p AND r.status <> 'CLOSED' GROUP BY p.commune_id", province, null, tallies,
          (t, n) -> t.openRequests = n);
      // Declarations waiting, as the commune's queue counts them (a household's criterion once):
      // those whose newest status is DECLARED, from the roll-up (ReportRollup.DECLARED keys) …
      perCommune(h, "SELECT r.commune_id, SUM(r.n) FROM report_count r JOIN commune c ON c.id = r.commune_id "
          + "WHERE c.province_code = :p AND r.key LIKE 'c:%" + ReportRollup.DECLARED + "' GROUP BY r.commune_id",
          province, null, tallies, (t, n) -> t.declarations = n);
      // … and kiosk declarations not yet decided whose status is not (yet) DECLARED: only the
      // pending rows are read (index declaration_pending), each checked against its household's keys.
      perCommune(h, "SELECT hh.commune_id, COUNT(DISTINCT d.household_code || ' ' || d.criterion_id) FROM declaration d "
          + "JOIN household hh ON hh.code = d.household_code JOIN commune c ON c.id = hh.commune_id "
          + "LEFT JOIN report_contribution rc ON rc.household_code = d.household_code "
          + "WHERE d.decided_at IS NULL AND c.province_code = :p "
          + "AND (rc.keys IS NULL OR (' ' || rc.keys || ' ') NOT LIKE ('% c:' || d.criterion_id || '" + ReportRollup.DECLARED + " %')) "
          + "GROUP BY hh.commune_id", province, null, tallies, (t, n) -> t.declarations += n);
      Instant staleBefore = now.minus(STALE_AFTER);
      h.createQuery("SELECT p.commune_id, k.last_seen_at FROM kiosk k JOIN support_point p ON p.id = k.support_point_id "
              + "JOIN commune c ON c.id = p.commune_id WHERE c.province_code = :p AND k.revoked_at IS NULL")
          .bind("p", province)
          .map((rs, ctx) -> {
            String seen = rs.getString(2);
            Tally t = tallies.get(rs.getString(1));
            if (t != null && (seen == null || Instant.parse(seen).isBefore(staleBefore))) {
              t.staleKiosks++;
            }
            return null;
          }).list();
    });
    List<ProvinceBoard.Row> rows = new ArrayList<>();
    for (ProvinceReport.Commune c : report.communes()) {
      Tally t = tallies.get(c.id());
      List<String> under = new ArrayList<>();
      int held = 0;
      int planned = 0;
      int required = 0;
      for (Point p : t.points) {
        held += p.held;
        planned += p.planned;
        required += p.min;
        if (p.planned < p.min) {
          under.add(p.name);
        }
      }
      rows.add(new ProvinceBoard.Row(c.id(), c.name(), c.households(), c.recognised(), c.vneidLevel2(), c.groups(),
          held, planned, required, under, t.attendance, t.practice, t.openRequests, t.declarations, t.staleKiosks));
    }
    return new ProvinceBoard(province, month.toString(), rows, months(report, rows, month, now));
  }

  /**
   * The province's last {@value CommuneReports#MONTHS} months: recognised households from the
   * roll-up's r:yyyy-MM keys (as the commune report counts them), sessions held from one grouped
   * query over the earlier months' sessions; this month's sessions are the table's, counted above.
   */
  private List<ProvinceBoard.Month> months(ProvinceReport report, List<ProvinceBoard.Row> rows, YearMonth month,
      Instant now) {
    YearMonth first = month.minusMonths(CommuneReports.MONTHS - 1);
    int earlier = CommuneReports.MONTHS - 1;
    int[] held = new int[CommuneReports.MONTHS];
    StringBuilder bucket = new StringBuilder("CASE");
    for (int i = 1; i < earlier; i++) {
      bucket.append(" WHEN s.starts_at < :b").append(i).append(" THEN ").append(i - 1);
    }
    bucket.append(" ELSE ").append(earlier - 1).append(" END");
    db.reader().useHandle(h -> {
      var query = h.createQuery("SELECT m, COUNT(*) FROM (SELECT " + bucket + " AS m FROM session s "
              + "JOIN support_point p ON p.id = s.support_point_id JOIN commune c ON c.id = p.commune_id "
              + "WHERE c.province_code = :p AND s.starts_at >= :b0 AND s.starts_at < :b" + earlier
              + " AND s.status <> 'CANCELLED' AND s.ends_at < :now) AS sessions GROUP BY m")
          .bind("p", report.province()).bind("now", now.toString());
      for (int i = 0; i <= earlier; i++) {
        query.bind("b" + i, first.plusMonths(i).atDay(1).atStartOfDay(VIETNAM).toInstant().toString());
      }
      query.map((rs, ctx) -> held[rs.getInt(1)] = rs.getInt(2)).list();
    });
    held[earlier] = rows.stream().mapToInt(ProvinceBoard.Row::sessionsHeld).sum();
    Map<String, Long> recognised = RecognisedTrend.byMonth(report.recognisedSince(), first, month);
    List<ProvinceBoard.Month> out = new ArrayList<>();
    for (int i = 0; i < CommuneReports.MONTHS; i++) {
      String key = first.plusMonths(i).toString();
      out.add(new ProvinceBoard.Month(key, recognised.get(key), held[i]));
    }
    return out;
  }

  /**
   * Each point's sessions this month as {@link vn.giadinhso.hub.schedule.Schedules#compliance}
   * counts them (planned: not cancelled; held: also over), for every point of the province at once.
   */
  private static void sessions(Handle h, String province, Instant from, Instant to, Instant now, Map<String, Tally> tallies) {
    Map<String, Point> points = new HashMap<>();
    // A point retired before the month ends is held to no minimum (SupportPoint.minimumFor).
    h.createQuery("SELECT p.id, p.commune_id, p.name, CASE WHEN p.retired_at IS NOT NULL AND p.retired_at < :to "
            + "THEN 0 ELSE p.min_sessions_per_month END FROM support_point p "
            + "JOIN commune c ON c.id = p.commune_id WHERE c.province_code = :p ORDER BY p.name, p.id")
        .bind("p", province).bind("to", to.toString())
        .map((rs, ctx) -> {
          Tally t = tallies.get(rs.getString(2));
          if (t != null) {
            Point point = new Point(rs.getString(3), rs.getInt(4));
            t.points.add(point);
            points.put(rs.getString(1), point);
          }
          return null;
        }).list();
    h.createQuery("SELECT s.support_point_id, s.ends_at, s.status FROM session s "
            + "JOIN support_point p ON p.id = s.support_point_id JOIN commune c ON c.id = p.commune_id "
            + "WHERE c.province_code = :p AND s.starts_at >= :from AND s.starts_at < :to")
        .bind("p", province).bind("from", from.toString()).bind("to", to.toString())
        .map((rs, ctx) -> {
          Point point = points.get(rs.getString(1));
          if (point != null && !"CANCELLED".equals(rs.getString(3))) {
            point.planned++;
            if (Instant.parse(rs.getString(2)).isBefore(now)) {
              point.held++;
            }
          }
          return null;
        }).list();
  }

  private static void perCommune(Handle h, String sql, String province, YearMonth month, Map<String, Tally> tallies,
      java.util.function.ObjIntConsumer<Tally> set) {
    var query = h.createQuery(sql).bind("p", province);
    if (month != null) {
      query.bind("m", month.toString());
    }
    query.map((rs, ctx) -> {
      Tally t = tallies.get(rs.getString(1));
      if (t != null) {
        set.accept(t, rs.getInt(2));
      }
      return null;
    }).list();
  }

  private static final class Tally {
    final List<Point> points = new ArrayList<>();
    int attendance;
    int practice;
    int openRequests;
    int declarations;
    int staleKiosks;
  }

  private static final class Point {
    final String name;
    final int min;
    int planned;
    int held;

    Point(String name, int min) {
      this.name = name;
      this.min = min;
    }
  }
}
