package vn.giadinhso.hub.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.sqlite.SQLiteConfig;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.storage.copy.DatabaseCopy;

/**
 * One consistent copy of a running hub's database, as the parts of a backup file, with what the
 * manifest says about it (schema version, event count and checksum, all from that same copy).
 */
record Snapshot(String kind, String schemaVersion, long events, String eventChecksum, List<PartOnDisk> parts) {
  record PartOnDisk(BackupManifest.Part part, Path file) {}

  /**
   * SQLite: {@code VACUUM INTO}, which writes a fresh database from one read transaction, so the copy
   * is one consistent moment while kiosks keep posting. Not the online backup API ({@code backup
   * to}): it copies a few pages per step and starts over whenever another connection writes in
   * between, so under a steady stream of kiosk batches it can run forever (CI hung on it). A plain
   * file copy is no answer either: in WAL mode it could miss or tear the transactions still in the
   * -wal file.
   */
  static Snapshot sqlite(Path database, PrivateFiles temp) throws IOException, SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IOException("--db " + database + " is not a file");
    }
    Path copy = temp.file(BackupManifest.SQLITE_DATABASE);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(30_000);
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + database.toAbsolutePath());
        PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
      // VACUUM INTO takes an empty file or none; PrivateFiles made it empty and owner-only.
      vacuum.setString(1, copy.toAbsolutePath().toString());
      vacuum.executeUpdate();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
      c.setAutoCommit(false);
      String schema = schemaVersion(c);
      long events = count(c);
      String checksum = DatabaseCopy.eventChecksum(c);
      c.rollback();
      return new Snapshot(BackupManifest.SQLITE, schema, events, checksum,
          List.of(new PartOnDisk(BackupFile.describe(BackupManifest.SQLITE_DATABASE, copy, List.of()), copy)));
    }
  }

  /**
   * PostgreSQL: every table through COPY inside one REPEATABLE READ, READ ONLY transaction, so all
   * tables, the schema version and the event checksum come from one snapshot while kiosks post.
   * pg_dump would do the same, but Debian's pg_dump (15) refuses newer servers (17): the JDBC
   * driver works with any server the hub works with (docs/decisions/hub-021-backups.md).
   */
  static Snapshot postgres(DatabaseLocation.Postgres location, PrivateFiles temp) throws IOException, SQLException {
    try (Connection c = DriverManager.getConnection(location.jdbcUrl(), location.user().orElse(null),
        location.password().orElse(null))) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      try {
        // The first query fixes the snapshot every later statement of the transaction sees.
        String schema = schemaVersion(c);
        List<PartOnDisk> parts = new ArrayList<>();
        for (String table : DatabaseCopy.tablesInDependencyOrder(c)) {
          List<String> columns = columns(c, table);
          Path file = temp.file("table-" + table);
          String list = String.join(", ", columns.stream().map(Snapshot::quote).toList());
          try (OutputStream out = Files.newOutputStream(file)) {
            c.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY " + quote(table) + " (" + list + ") TO STDOUT", out);
          }
          parts.add(new PartOnDisk(BackupFile.describe(BackupManifest.TABLE_PREFIX + table, file, columns), file));
        }
        long events = count(c);
        String checksum = DatabaseCopy.eventChecksum(c);
        return new Snapshot(BackupManifest.POSTGRESQL, schema, events, checksum, parts);
      } finally {
        c.rollback();
      }
    }
  }

  static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
            + "ORDER BY installed_rank DESC LIMIT 1")) {
      if (!rs.next()) {
        throw new SQLException("the database has no schema history: is it a hub database?");
      }
      return rs.getString(1);
    }
  }

  static long count(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM event")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The secrets file as it is now, as a part. */
  static PartOnDisk secrets(Path secretsFile, PrivateFiles temp) throws IOException {
    if (!Files.isRegularFile(secretsFile)) {
      throw new IOException("the hub's secrets file " + secretsFile + " is missing: without it no backup can restore "
          + "a working hub (give --secrets FILE)");
    }
    Path copy = temp.file(BackupManifest.SECRETS);
    Files.write(copy, Files.readAllBytes(secretsFile));
    return new PartOnDisk(BackupFile.describe(BackupManifest.SECRETS, copy, List.of()), copy);
  }
}
