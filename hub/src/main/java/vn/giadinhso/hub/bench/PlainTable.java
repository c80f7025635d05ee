package vn.giadinhso.hub.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;
import vn.giadinhso.hub.ingest.IncomingEvent;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * bench-ingest's baseline, the physical limit (issue 11): the same events inserted straight into a
 * plain table with one primary key and nothing else — no triggers, no projections, no conflict
 * handling — with the log's columns, one JDBC batch per transaction, on one connection.
 *
 * <p>On SQLite: a scratch file beside the hub's, with the hub's settings (WAL, synchronous NORMAL)
 * and the log's layout ({@code WITHOUT ROWID}). On PostgreSQL: a table {@code bench_plain_event} in
 * the hub's own database (same server, same WAL, same disk), logged like the hub's tables, filled
 * with the driver's {@code reWriteBatchedInserts} as the hub's pool does; it is dropped at close.
 */
final class PlainTable implements AutoCloseable {
  private static final String TABLE = "bench_plain_event";

  private final Connection connection;
  private final PreparedStatement insert;
  private final boolean dropAtClose;

  private PlainTable(Connection connection, String create, boolean dropAtClose) throws SQLException {
    this.connection = connection;
    this.dropAtClose = dropAtClose;
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS " + TABLE);
      ddl.execute(create);
    }
    connection.setAutoCommit(false);
    insert = connection.prepareStatement("INSERT INTO " + TABLE + " (id, kiosk_id, type, at, received_at, payload) "
        + "VALUES (?, ?, ?, ?, ?, ?)");
  }

  /** A scratch SQLite file (which must be new). */
  static PlainTable sqlite(Path file) throws SQLException {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return new PlainTable(sqlite.createConnection("jdbc:sqlite:" + file.toAbsolutePath()),
        "CREATE TABLE " + TABLE + " (id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, "
            + "at TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL) WITHOUT ROWID", false);
  }

  /** A table in the hub's PostgreSQL database, the same column types as its {@code event}. */
  static PlainTable postgres(DatabaseLocation.Postgres location) throws SQLException {
    Properties props = new Properties();
    location.user().ifPresent(u -> props.setProperty("user", u));
    location.password().ifPresent(p -> props.setProperty("password", p));
    props.setProperty("reWriteBatchedInserts", "true");
    return new PlainTable(DriverManager.getConnection(location.jdbcUrl(), props),
        "CREATE TABLE " + TABLE + " (id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, type TEXT NOT NULL, "
            + "at TEXT NOT NULL, received_at TEXT NOT NULL, payload TEXT NOT NULL)", true);
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
    try {
      insert.close();
      if (dropAtClose) {
        try (Statement drop = connection.createStatement()) {
          drop.execute("DROP TABLE IF EXISTS " + TABLE);
        }
        connection.commit();
      }
    } finally {
      connection.close();
    }
  }
}
