package vn.giadinhso.hub.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import vn.giadinhso.hub.storage.Dialect;
import java.util.List;

/**
 * The batch insert at the heart of ingest, on a connection already in a transaction. Shared with
 * the benchmark's baseline so that both measure exactly the same SQL.
 */
public final class RawEventInsert {

  private RawEventInsert() {}

  /** @return how many of the events were new (the rest were already stored) */
  public static int insert(Connection connection, String kioskId, List<IncomingEvent> events, String receivedAt)
      throws SQLException {
    return insert(connection, kioskId, events, receivedAt, new boolean[events.size()]);
  }

  /**
   * @param stored set to true at the index of each event that was new
   * @return how many of the events were new
   */
  public static int insert(Connection connection, String kioskId, List<IncomingEvent> events, String receivedAt,
      boolean[] stored) throws SQLException {
    Dialect dialect = Dialect.of(connection);
    if (dialect == Dialect.POSTGRESQL) {
      return insertArrays(connection, dialect, kioskId, events, receivedAt, stored);
    }
    try (PreparedStatement insert = connection.prepareStatement(dialect.eventInsert())) {
      for (IncomingEvent e : events) {
        insert.setString(1, e.id());
        insert.setString(2, kioskId);
        insert.setString(3, e.type());
        insert.setString(4, e.at().toString());
        insert.setString(5, receivedAt);
        insert.setString(6, e.payload());
        insert.addBatch();
      }
      int inserted = 0;
      int[] changes = insert.executeBatch();
      for (int i = 0; i < changes.length; i++) {
        stored[i] = changes[i] > 0;
        inserted += stored[i] ? 1 : 0;
      }
      return inserted;
    }
  }


  private static int insertArrays(Connection connection, Dialect dialect, String kioskId, List<IncomingEvent> events,
      String receivedAt, boolean[] stored) throws SQLException {
    int n = events.size();
    String[] ids = new String[n];
    String[] types = new String[n];
    String[] ats = new String[n];
    String[] payloads = new String[n];
    Map<String, Integer> firstIndex = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      IncomingEvent e = events.get(i);
      ids[i] = e.id();
      types[i] = e.type();
      ats[i] = e.at().toString();
      payloads[i] = e.payload();
      firstIndex.putIfAbsent(e.id(), i);
    }
    try (PreparedStatement insert = connection.prepareStatement(dialect.eventInsert())) {
      insert.setString(1, kioskId);
      insert.setString(2, receivedAt);
      insert.setArray(3, connection.createArrayOf("text", ids));
      insert.setArray(4, connection.createArrayOf("text", types));
      insert.setArray(5, connection.createArrayOf("text", ats));
      insert.setArray(6, connection.createArrayOf("text", payloads));
      int inserted = 0;
      // A repeated id within the batch is stored once, at its first place, as SQLite's batch does.
      try (ResultSet rs = insert.executeQuery()) {
        while (rs.next()) {
          stored[firstIndex.get(rs.getString(1))] = true;
          inserted++;
        }
      }
      return inserted;
    }
  }
}
