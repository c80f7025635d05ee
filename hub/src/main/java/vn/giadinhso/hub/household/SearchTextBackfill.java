package vn.giadinhso.hub.household;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration V35 (both databases; {@code db.migration.*.V35__Search_text_and_report_recount}):
 * adds {@code household.search_text}, fills it for every existing household with the same
 * {@link SearchText} the store uses when it writes one, then indexes it.
 *
 * <p>A Java migration rather than a back-fill at start-up: it runs once, in the migration's
 * transaction, so no hub ever serves a search on a half-filled column, and no start-up has to
 * check a million rows to find there is nothing to do. SQL could not do it: neither database
 * folds Vietnamese the way kiosks do without an extension (PostgreSQL's unaccent) or a
 * user-defined function (SQLite), and the two would have to agree character for character.
 *
 * <p>It also sends every commune's report roll-up back to zero (the cursor's version to -1), so
 * the next report recounts with the month each household became recognised (the trend).
 */
public final class SearchTextBackfill {
  private static final int PAGE = 5_000;

  private SearchTextBackfill() {}

  public static void migrate(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE household ADD COLUMN search_text TEXT NOT NULL DEFAULT ''");
    }
    long after = Long.MIN_VALUE;
    while (true) {
      Map<Long, String[]> page = new java.util.LinkedHashMap<>();
      try (PreparedStatement q = c.prepareStatement("SELECT h.id, h.code, v.name, h.head_name FROM household h "
          + "JOIN village v ON v.id = h.village_id WHERE h.id > ? ORDER BY h.id LIMIT " + PAGE)) {
        q.setLong(1, after);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            page.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
          }
        }
      }
      if (page.isEmpty()) {
        break;
      }
      long first = page.keySet().iterator().next();
      long last = 0;
      for (long id : page.keySet()) {
        last = id;
      }
      Map<Long, List<String>> names = new HashMap<>();
      try (PreparedStatement q = c.prepareStatement("SELECT household_id, full_name FROM member "
          + "WHERE household_id >= ? AND household_id <= ? ORDER BY household_id, seq")) {
        q.setLong(1, first);
        q.setLong(2, last);
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
      try (PreparedStatement u = c.prepareStatement("UPDATE household SET search_text = ? WHERE id = ?")) {
        for (var e : page.entrySet()) {
          String[] row = e.getValue();
          u.setString(1, SearchText.of(row[0], row[1], row[2], names.getOrDefault(e.getKey(), List.of())));
          u.setLong(2, e.getKey());
          u.addBatch();
        }
        u.executeBatch();
      }
      after = last;
    }
    try (Statement s = c.createStatement()) {
      // Commune first: every search is within one commune, and the index holds the text itself,
      // so a search reads the commune's slice of the index and no table row it does not return.
      s.execute("CREATE INDEX household_search ON household (commune_id, search_text)");
      s.execute("UPDATE report_cursor SET criteria_version = -1, rev = 0");
    }
  }
}
