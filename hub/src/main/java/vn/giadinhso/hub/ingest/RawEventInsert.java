package vn.giadinhso.hub.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The batch insert at the heart of ingest, on a connection already in a transaction. Shared with
 * the benchmark's baseline so that both measure exactly the same SQL.
 */
public final class RawEventInsert {
  static final String INSERT =
      "INSERT INTO event (id, kiosk_id, type, at, received_at, payload) VALUES (?, ?, ?, ?, ?, ?) "
          + "ON CONFLICT (id) DO NOTHING";

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
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
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

}
