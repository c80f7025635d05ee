package vn.giadinhso.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import vn.giadinhso.hub.ingest.IncomingEvent;

/**
 * bench-ingest's baseline, the physical limit (issue 11): the same events inserted straight into a
 * plain table with one primary key and nothing else — no triggers, no projections, no conflict
 * handling — in a scratch SQLite file with the hub's settings (WAL, synchronous NORMAL), with the
 * log's columns and layout ({@code WITHOUT ROWID}), one JDBC batch per transaction.
 */
final class PlainTable implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement insert;

  PlainTable(Path file) throws SQLException {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    connection = sqlite.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement create = connection.createStatement()) {
      create.execute("CREATE TABLE event (id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, "
          + "at TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL) WITHOUT ROWID");
    }
    connection.setAutoCommit(false);
    insert = connection.prepareStatement("INSERT INTO event (id, kiosk_id, type, at, received_at, payload) "
        + "VALUES (?, ?, ?, ?, ?, ?)");
  }

  /** One transaction. */
  void insert(String kioskId, List<IncomingEvent> events, String receivedAt) throws SQLException {
    for (IncomingEvent e : events) {
      insert.setString(1, e.id());
      insert.setString(2, kioskId);
      insert.setString(3, e.type());
      insert.setString(4, e.at().toString());
      insert.setString(5, receivedAt);
      insert.setString(6, e.payload());
      insert.addBatch();
    }
    insert.executeBatch();
    connection.commit();
  }

  @Override
  public void close() throws SQLException {
    insert.close();
    connection.close();
  }
}
