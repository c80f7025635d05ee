package vn.giadinhso.hub.people;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.MemberNames;

/** Person-level reports and the list for action, read from the roster and members' progress. */
public final class PeopleReports {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  /** The newest VNeID answer of member {@code m}: 1, 0, or null when none was recorded. */
  private static final String ACTIVATED = "(SELECT x.activated FROM member_vneid x WHERE x.commune_id = h.commune_id "
      + "AND x.member_hash = m.id_hash ORDER BY x.id DESC LIMIT 1)";

  /** Members whose newest VNeID record says activated, as (commune_id, member_hash), one row each. */
  private static final String LATEST_ACTIVATED = "SELECT x.commune_id, x.member_hash FROM member_vneid x "
      + "WHERE x.activated = 1 AND NOT EXISTS (SELECT 1 FROM member_vneid y WHERE y.commune_id = x.commune_id "
      + "AND y.member_hash = x.member_hash AND y.id > x.id)";

  private final Database db;
  private final PersonTargetStore targets;
  private final Clock clock;

  public PeopleReports(Database db, PersonTargetStore targets, Clock clock) {
    this.db = db;
    this.targets = targets;
    this.clock = clock;
  }

  /** The report for this year (in Vietnam). */
  public PeopleReport report(String communeId) {
    return report(communeId, clock.instant().atZone(VIETNAM).getYear());
  }

  public PeopleReport report(String communeId, int year) {
    List<PeopleReport.Person> people = db.reader().withHandle(h -> h.createQuery("SELECT v.name, m.birth_year, h.flags_json, "
            + ACTIVATED + " FROM member m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id "
            + "WHERE h.commune_id = :c AND m.id_hash IS NOT NULL")
        .bind("c", communeId)
        .map((rs, ctx) -> {
          int birth = rs.getInt(2);
          Integer birthYear = rs.wasNull() ? null : birth;
          return new PeopleReport.Person(rs.getString(1), birthYear, officials(rs.getString(3)), rs.getInt(4) == 1);
        })
        .list());
    return PeopleReport.of(communeId, year, targets.of(communeId), people);
  }

  /** A commune's row of {@link #report}, residents only: what the province page and export show. */
  public record CommuneResidents(PeopleReport.Rate residents, PersonTargets targets) {}

  /**
   * {@link CommuneResidents} of many communes for this year, by one aggregate query: a report per
   * commune read every member into Java one commune at a time, 7 s for a province of 30 communes
   * and 1 M households (bench-reports); this reads the members once, in table order.
   */
  public Map<String, CommuneResidents> residents(List<String> communeIds) {
    if (communeIds.isEmpty()) {
      return Map.of();
    }
    int born = clock.instant().atZone(VIETNAM).getYear() - PeopleReport.CARD_AGE;
    Map<String, PeopleReport.Rate> rates = new HashMap<>();
    db.reader().useHandle(h -> h.createQuery(
            // CROSS JOIN: SQLite then walks the member table in order and finds each household by
            // its key (0.8 s for 2 M members), instead of walking households by commune and jumping
            // to their members (2.5 s). PostgreSQL plans it as the inner join it is.
            "SELECT h.commune_id, COUNT(*), COUNT(l.member_hash) FROM member m CROSS JOIN household h "
                + "LEFT JOIN (" + LATEST_ACTIVATED + ") l ON l.commune_id = h.commune_id AND l.member_hash = m.id_hash "
                + "WHERE h.id = m.household_id AND h.commune_id IN (<communes>) AND m.id_hash IS NOT NULL "
                + "AND (m.birth_year IS NULL OR m.birth_year <= :born) GROUP BY h.commune_id")
        .bindList("communes", communeIds).bind("born", born)
        .map((rs, ctx) -> Map.entry(rs.getString(1), new PeopleReport.Rate(rs.getInt(3), rs.getInt(2))))
        .forEach(e -> rates.put(e.getKey(), e.getValue())));
    Map<String, CommuneResidents> out = new LinkedHashMap<>();
    for (String commune : communeIds) {
      out.put(commune, new CommuneResidents(rates.getOrDefault(commune, new PeopleReport.Rate(0, 0)), targets.of(commune)));
    }
    return out;
  }

  /**
   * One member of the list for action, as the page and the export show them: masked, and without
   * the birth year (with the masked ID's last two digits it would give away four more digits).
   */
  public record Missing(String village, String householdCode, String maskedName, String idMasked) {}

  /**
   * Members without VNeID level 2 (no record, or the newest says not activated) who are residents
   * as {@link PeopleReport} counts them, by village, household and roster order.
   *
   * @param villages the villages the reader may see, empty for the whole commune: the hook for the
   *     field role (issue 15, branch i15-field), whose team members see only their own villages
   */
  public List<Missing> withoutVneid(String communeId, Optional<Set<String>> villages) {
    int year = clock.instant().atZone(VIETNAM).getYear();
    List<Missing> all = db.reader().withHandle(h -> h.createQuery("SELECT v.name, h.code, m.full_name, m.id_masked, v.id "
            + "FROM member m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id "
            + "WHERE h.commune_id = :c AND m.id_hash IS NOT NULL AND COALESCE(" + ACTIVATED + ", 0) = 0 "
            + "AND (m.birth_year IS NULL OR m.birth_year <= :born) ORDER BY v.name, h.code, m.seq")
        .bind("c", communeId).bind("born", year - PeopleReport.CARD_AGE)
        .map((rs, ctx) -> {
          String villageId = rs.getString(5);
          return villages.isPresent() && !villages.get().contains(villageId) ? null
              : new Missing(rs.getString(1), rs.getString(2), MemberNames.mask(rs.getString(3)), rs.getString(4));
        })
        .list());
    return all.stream().filter(java.util.Objects::nonNull).toList();
  }

  private static boolean officials(String flagsJson) {
    return flagsJson != null && flagsJson.contains("\"" + CriteriaSet.OFFICIALS_HOUSEHOLD + "\"");
  }
}
