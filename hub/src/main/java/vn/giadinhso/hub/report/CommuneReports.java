package vn.giadinhso.hub.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.Criterion;
import vn.giadinhso.hub.criteria.TargetGroup;
import vn.giadinhso.hub.schedule.MonthCompliance;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.storage.Database;

/** Builds a commune's report from the rollup counts, the schedule and the monthly activity tables. */
public final class CommuneReports {
  public static final int MONTHS = 12;

  private final Database db;
  private final ReportRollup rollup;
  private final CriteriaStore criteria;
  private final Schedules schedules;

  public CommuneReports(Database db, ReportRollup rollup, CriteriaStore criteria, Schedules schedules) {
    this.db = db;
    this.rollup = rollup;
    this.criteria = criteria;
    this.schedules = schedules;
  }

  public CommuneReport build(String communeId) {
    CriteriaSet set = criteria.active(communeId).orElseThrow(() -> new IllegalArgumentException("no criteria set for " + communeId));
    rollup.refresh(communeId);
    Map<String, Map<String, Integer>> counts = rollup.counts(communeId);
    Map<String, Integer> total = new HashMap<>();
    counts.values().forEach(m -> m.forEach((k, v) -> total.merge(k, v, Integer::sum)));

    List<CommuneReport.Area> areas = new ArrayList<>();
    areas.add(new CommuneReport.Area(null, n(total, "households"), n(total, "recognised")));
    counts.forEach((village, m) -> areas.add(new CommuneReport.Area(village, n(m, "households"), n(m, "recognised"))));

    List<CommuneReport.CriterionRate> rates = new ArrayList<>();
    List<CommuneReport.GroupRate> groups = new ArrayList<>();
    Map<String, Map<String, Integer>> scopes = new java.util.LinkedHashMap<>();
    scopes.put(null, total);
    scopes.putAll(counts);
    scopes.forEach((village, m) -> {
      for (Criterion c : set.criteria()) {
        rates.add(new CommuneReport.CriterionRate(c.id(), c.text().vi(), c.text().en(), village,
            n(m, "c:" + c.id() + ":met"), n(m, "c:" + c.id() + ":applicable")));
      }
      for (TargetGroup g : set.groups()) {
        groups.add(new CommuneReport.GroupRate(g.id(), g.name().vi(), g.name().en(), village,
            n(m, "g:" + g.id()), n(m, "g:" + g.id() + ":recognised"), g.targetPercent()));
      }
    });

    String name = db.reader().withHandle(h -> h.createQuery("SELECT name FROM commune WHERE id = :c")
        .bind("c", communeId).mapTo(String.class).findOne().orElse(communeId));
    Integer vneid = set.hasCriterion(CommuneReport.VNEID) ? n(total, "c:" + CommuneReport.VNEID + ":met") : null;
    return new CommuneReport(communeId, name, set.overallTargetPercent(), areas, rates, groups, months(communeId, total),
        vneid);
  }

  private List<CommuneReport.Month> months(String communeId, Map<String, Integer> total) {
    YearMonth last = schedules.currentMonth();
    YearMonth first = last.minusMonths(MONTHS - 1);
    Map<String, Integer> attendance = new HashMap<>();
    Map<String, Integer> activity = new HashMap<>();
    db.reader().useHandle(h -> {
      h.createQuery("SELECT a.month, SUM(a.n) FROM attendance_month a JOIN support_point p ON p.id = a.support_point_id "
              + "WHERE p.commune_id = :c AND a.month >= :from GROUP BY a.month")
          .bind("c", communeId).bind("from", first.toString())
          .map((rs, ctx) -> attendance.put(rs.getString(1), rs.getInt(2))).list();
      h.createQuery("SELECT a.month, a.type, SUM(a.n) FROM activity_month a JOIN support_point p ON p.id = a.support_point_id "
              + "WHERE p.commune_id = :c AND a.month >= :from GROUP BY a.month, a.type")
          .bind("c", communeId).bind("from", first.toString())
          .map((rs, ctx) -> activity.put(rs.getString(1) + " " + rs.getString(2), rs.getInt(3))).list();
    });
    Map<String, Long> recognised = RecognisedTrend.byMonth(RecognisedTrend.since(total), first, last);
    List<CommuneReport.Month> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      int held = 0;
      int planned = 0;
      int required = 0;
      for (MonthCompliance c : schedules.compliance(communeId, m)) {
        held += c.held();
        planned += c.planned();
        required += c.required();
      }
      String key = m.toString();
      out.add(new CommuneReport.Month(key, held, planned, required, attendance.getOrDefault(key, 0),
          activity.getOrDefault(key + " lesson.completed", 0), activity.getOrDefault(key + " identified", 0),
          activity.getOrDefault(key + " criterion.declared", 0), activity.getOrDefault(key + " support.requested", 0),
          recognised.get(key).intValue()));
    }
    return out;
  }

  private static int n(Map<String, Integer> m, String key) {
    return m.getOrDefault(key, 0);
  }
}
