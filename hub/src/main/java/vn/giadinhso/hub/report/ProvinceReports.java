package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.TargetGroup;
import vn.giadinhso.hub.storage.Database;

/**
 * Rolls a province up from its communes' precomputed counts. The communes' {@link ReportRollup}
 * counts are brought up to date first, in one pass over the province's changed households (work
 * proportional to them; one query when none changed); the province then costs one query over
 * {@code report_count} (its primary key starts with the commune), whatever its household count,
 * and one over the communes' criteria set versions (targets and group names; a set is parsed
 * again only when its commune publishes a new version).
 */
public final class ProvinceReports {
  private final Database db;
  private final ReportRollup rollup;
  private final CriteriaStore criteria;
  /** The active criteria set per commune, kept while its version is the newest. */
  private final Map<String, CriteriaSet> sets = new ConcurrentHashMap<>();

  public ProvinceReports(Database db, ReportRollup rollup, CriteriaStore criteria) {
    this.db = db;
    this.rollup = rollup;
    this.criteria = criteria;
  }

  /** The province by its code (commune.province_code, decision hub-015). */
  public ProvinceReport build(String province) {
    record Unit(String id, String name, Integer version) {}
    List<Unit> communes = db.reader().withHandle(h -> h.createQuery(
            "SELECT c.id, c.name, (SELECT MAX(s.version) FROM criteria_set s WHERE s.commune_id = c.id) "
                + "FROM commune c WHERE c.province_code = :p ORDER BY c.name, c.id")
        .bind("p", province)
        .map((rs, ctx) -> new Unit(rs.getString(1), rs.getString(2),
            rs.getObject(3) == null ? null : ((Number) rs.getObject(3)).intValue()))
        .list());
    rollup.refreshProvince(province);
    Map<String, Map<String, Long>> counts = new HashMap<>();
    // Summed over villages: the commune's households, recognised, VNeID level 2, groups and the
    // months its recognised households became so (r:yyyy-MM), a few dozen keys per commune.
    db.reader().useHandle(h -> h.createQuery("SELECT r.commune_id, r.key, SUM(r.n) FROM report_count r "
            + "JOIN commune c ON c.id = r.commune_id WHERE c.province_code = :p "
            + "AND (r.key IN ('households', 'recognised', :vneid) OR r.key LIKE 'g:%' OR r.key LIKE 'r:%') "
            + "GROUP BY r.commune_id, r.key")
        .bind("p", province).bind("vneid", "c:" + CommuneReport.VNEID + ":met")
        .map((rs, ctx) -> counts.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
        .list());
    List<ProvinceReport.Commune> lines = new ArrayList<>(communes.size());
    for (Unit commune : communes) {
      Map<String, Long> m = counts.getOrDefault(commune.id(), Map.of());
      CriteriaSet set = set(commune.id(), commune.version());
      List<CommuneReport.GroupRate> groups = new ArrayList<>();
      Long vneid = null;
      if (set != null) {
        for (TargetGroup g : set.groups()) {
          groups.add(new CommuneReport.GroupRate(g.id(), g.name().vi(), g.name().en(), null,
              m.getOrDefault("g:" + g.id(), 0L).intValue(), m.getOrDefault("g:" + g.id() + ":recognised", 0L).intValue(),
              g.targetPercent()));
        }
        vneid = set.hasCriterion(CommuneReport.VNEID) ? m.getOrDefault("c:" + CommuneReport.VNEID + ":met", 0L) : null;
      }
      lines.add(new ProvinceReport.Commune(commune.id(), commune.name(), m.getOrDefault("households", 0L),
          m.getOrDefault("recognised", 0L), vneid, groups, RecognisedTrend.since(m)));
    }
    return new ProvinceReport(province, lines);
  }

  /** The commune's set of {@code version}, parsed once per version; null when it has none. */
  private CriteriaSet set(String communeId, Integer version) {
    if (version == null) {
      return null;
    }
    CriteriaSet kept = sets.get(communeId);
    if (kept != null && kept.version() == version) {
      return kept;
    }
    CriteriaSet active = criteria.active(communeId).orElse(null);
    if (active != null) {
      sets.put(communeId, active);
    }
    return active;
  }
}
