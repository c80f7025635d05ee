package vn.giadinhso.hub.dashboard;

import java.util.List;
import vn.giadinhso.hub.storage.Database;

/** Finds a commune's households by code, village or a member's name (case-insensitive, substring). */
public final class HouseholdSearch {
  public record Hit(String code, String headName, String village) {}

  private final Database db;

  public HouseholdSearch(Database db) {
    this.db = db;
  }

  public List<Hit> search(String communeId, String query, int limit) {
    String q = query == null ? "" : query.strip();
    String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    String matches = " " + db.dialect().caseInsensitiveLike() + " :like ESCAPE '!'";
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT h.code, h.head_name, v.name FROM household h JOIN village v ON v.id = h.village_id "
                + "WHERE h.commune_id = :c AND (:q = '' OR h.code" + matches + " OR v.name" + matches
                + " OR h.head_name" + matches + " OR EXISTS (SELECT 1 FROM member m WHERE m.household_id = h.id "
                + "AND m.full_name" + matches + ")) ORDER BY h.code LIMIT :limit")
        .bind("c", communeId).bind("q", q).bind("like", like).bind("limit", limit)
        .map((rs, ctx) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  /** Codes of a village's households (exact village name), for printing its cards. */
  public List<String> codesInVillage(String communeId, String village, int limit) {
    return db.reader().withHandle(h -> h.createQuery("SELECT h.code FROM household h JOIN village v ON v.id = h.village_id "
            + "WHERE h.commune_id = :c AND v.name = :v ORDER BY h.code LIMIT :limit")
        .bind("c", communeId).bind("v", village).bind("limit", limit).mapTo(String.class).list());
  }
}
