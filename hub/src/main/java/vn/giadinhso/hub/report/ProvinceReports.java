package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.storage.Database;

/**
 * Rolls a province up from its communes' precomputed counts. The communes' {@link ReportRollup}
 * counts are brought up to date first, in one pass over the province's changed households (work
 * proportional to them; one query when none changed); the province then costs one query over
 * {@code report_count} (its primary key starts with the commune), whatever its household count.
 */
public final class ProvinceReports {
  private final Database db;
  private final ReportRollup rollup;

  public ProvinceReports(Database db, ReportRollup rollup) {
    this.db = db;
    this.rollup = rollup;
  }

  /** The province by its code (commune.province_code, decision hub-015). */
  public ProvinceReport build(String province) {
    List<String[]> communes = db.reader().withHandle(h -> h.createQuery(
            "SELECT id, name FROM commune WHERE province_code = :p ORDER BY name, id")
        .bind("p", province)
        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
        .list());
    rollup.refreshProvince(province);
    Map<String, Map<String, Long>> counts = new HashMap<>();
    db.reader().useHandle(h -> h.createQuery("SELECT r.commune_id, r.key, SUM(r.n) FROM report_count r "
            + "JOIN commune c ON c.id = r.commune_id "
            + "WHERE c.province_code = :p AND r.key IN ('households', 'recognised') GROUP BY r.commune_id, r.key")
        .bind("p", province)
        .map((rs, ctx) -> counts.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2), rs.getLong(3)))
        .list());
    List<ProvinceReport.Commune> lines = new ArrayList<>(communes.size());
    for (String[] commune : communes) {
      Map<String, Long> m = counts.getOrDefault(commune[0], Map.of());
      lines.add(new ProvinceReport.Commune(commune[0], commune[1], m.getOrDefault("households", 0L),
          m.getOrDefault("recognised", 0L)));
    }
    return new ProvinceReport(province, lines);
  }
}
