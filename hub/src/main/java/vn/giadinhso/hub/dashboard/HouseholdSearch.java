package vn.giadinhso.hub.dashboard;

import java.util.List;
import vn.giadinhso.hub.household.SearchText;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Finds a commune's households by code, village or a member's name, ignoring case and Vietnamese
 * diacritics ("tran" finds "Trần", "DANG" finds "Đặng"): the query is folded as
 * {@link SearchText} folds {@code household.search_text}, and matched as a substring there with a
 * plain {@code LIKE}, the same on SQLite and PostgreSQL. ID numbers are never searchable: they are
 * not in the text, and a query holding one is refused before it reaches the database.
 */
public final class HouseholdSearch {
  public record Hit(String code, String headName, String village) {}

  private final Database db;

  public HouseholdSearch(Database db) {
    this.db = db;
  }

  /** True when the query holds what looks like a citizen ID number, in any shape. */
  public static boolean holdsIdNumber(String query) {
    return IdNumberText.containsIdNumber(query);
  }

  public List<Hit> search(String communeId, String query, int limit) {
    if (holdsIdNumber(query)) {
      return List.of();
    }
    String q = SearchText.fold(query);
    String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    // The inner SELECT reads only the (commune_id, search_text) index; the outer one fetches the
    // rows of the matches it returns.
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT h.code, h.head_name, v.name FROM household h JOIN village v ON v.id = h.village_id "
                + "WHERE h.id IN (SELECT s.id FROM household s WHERE s.commune_id = :c AND s.search_text LIKE :like ESCAPE '!') "
                + "ORDER BY h.code LIMIT :limit")
        .bind("c", communeId).bind("like", like).bind("limit", limit)
        .map((rs, ctx) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3))).list());
  }

  /** Codes of a village's households (exact village name), for printing its cards. */
  public List<String> codesInVillage(String communeId, String village, int limit) {
    return db.reader().withHandle(h -> h.createQuery("SELECT h.code FROM household h JOIN village v ON v.id = h.village_id "
            + "WHERE h.commune_id = :c AND v.name = :v ORDER BY h.code LIMIT :limit")
        .bind("c", communeId).bind("v", village).bind("limit", limit).mapTo(String.class).list());
  }
}
