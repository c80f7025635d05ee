package vn.giadinhso.hub.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The batch insert at the heart of ingest, on a connection already in a transaction: one
 * multi-row {@code INSERT … ON CONFLICT (id) DO NOTHING RETURNING id} per chunk, which says which
 * events were new in the same statement that stores them. Update counts of a JDBC batch would
 * say it too on SQLite, but not on PostgreSQL with {@code reWriteBatchedInserts}
 * (SUCCESS_NO_INFO); RETURNING (SQLite ≥ 3.35, PostgreSQL) answers the same way on both, and
 * under concurrent writers it names exactly the rows this transaction inserted.
 */
public final class RawEventInsert {
  static final String COLUMNS = "INSERT INTO event (id, kiosk_id, type, at, received_at, payload) VALUES ";
  // 6 parameters a row; a batch of 500 runs this statement five times (see insert).
  static final int ROWS_PER_STATEMENT = 100;

  private RawEventInsert() {}

  /** @return how many of the events were new (the rest were already stored) */
  public static int insert(Connection connection, String kioskId, List<IncomingEvent> events, String receivedAt)
      throws SQLException {
    return insert(connection, kioskId, events, receivedAt, new boolean[events.size()]);
  }

  /**
   * @param stored set to true at the index of each event that was new (of two with one id in the
   *     same batch, the first)
   * @return how many of the events were new
   */
  public static int insert(Connection connection, String kioskId, List<IncomingEvent> events, String receivedAt,
      boolean[] stored) throws SQLException {
    int inserted = 0;
    // One statement of ROWS_PER_STATEMENT rows, prepared once and run for every full chunk: SQLite
    // parses a statement of thousands of parameters slowly, and a profile of bench-ingest found
    // preparing one per 500-event batch a large share of the single writer's time.
    PreparedStatement full = null;
    try {
      for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
        List<IncomingEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
        Set<String> fresh;
        if (chunk.size() == ROWS_PER_STATEMENT) {
          if (full == null) {
            full = connection.prepareStatement(sql(ROWS_PER_STATEMENT));
          }
          fresh = insertChunk(full, kioskId, chunk, receivedAt);
        } else {
          try (PreparedStatement partial = connection.prepareStatement(sql(chunk.size()))) {
            fresh = insertChunk(partial, kioskId, chunk, receivedAt);
          }
        }
        for (int i = 0; i < chunk.size(); i++) {
          // remove: a second event with the same id in one batch is a duplicate of the first
          stored[from + i] = fresh.remove(chunk.get(i).id());
          inserted += stored[from + i] ? 1 : 0;
        }
      }
    } finally {
      if (full != null) {
        full.close();
      }
    }
    return inserted;
  }

  private static String sql(int rows) {
    StringBuilder sql = new StringBuilder(COLUMNS.length() + rows * 16 + 48).append(COLUMNS);
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "(?,?,?,?,?,?)" : ",(?,?,?,?,?,?)");
    }
    return sql.append(" ON CONFLICT (id) DO NOTHING RETURNING id").toString();
  }

  private static Set<String> insertChunk(PreparedStatement insert, String kioskId, List<IncomingEvent> chunk,
      String receivedAt) throws SQLException {
    int p = 1;
    for (IncomingEvent e : chunk) {
      insert.setString(p++, e.id());
      insert.setString(p++, kioskId);
      insert.setString(p++, e.type());
      insert.setString(p++, InstantText.of(e.at()));
      insert.setString(p++, receivedAt);
      insert.setString(p++, e.payload());
    }
    Set<String> fresh = new HashSet<>(chunk.size() * 2);
    try (ResultSet rows = insert.executeQuery()) {
      while (rows.next()) {
        fresh.add(rows.getString(1));
      }
    }
    return fresh;
  }
}
