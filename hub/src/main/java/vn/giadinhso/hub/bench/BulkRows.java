package vn.giadinhso.hub.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import vn.giadinhso.hub.storage.Dialect;

/**
 * bench-reports' loader for households, members and statuses: rows straight into one table, in
 * the bulk way each database offers — a JDBC batch of one prepared INSERT on SQLite, {@code COPY
 * … FROM STDIN} on PostgreSQL (one statement and no per-row parameters). Benchmark data only: the
 * hub's own stores never load this way.
 */
abstract class BulkRows implements AutoCloseable {
  static BulkRows into(Connection connection, String table, String... columns) throws SQLException {
    return Dialect.of(connection) == Dialect.POSTGRESQL
        ? new Copy(connection, table, columns) : new Batch(connection, table, columns);
  }

  /** One row, values in column order (String, Number or null). */
  abstract void add(Object... values) throws SQLException;

  /** Sends the rows added so far. */
  abstract void flush() throws SQLException;

  @Override
  public void close() throws SQLException {
    flush();
  }

  private static final class Batch extends BulkRows {
    private final PreparedStatement insert;

    Batch(Connection connection, String table, String[] columns) throws SQLException {
      insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
          + "?,".repeat(columns.length - 1) + "?)");
    }

    @Override
    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.addBatch();
    }

    @Override
    void flush() throws SQLException {
      insert.executeBatch();
    }

    @Override
    public void close() throws SQLException {
      flush();
      insert.close();
    }
  }

  /** COPY's text format: tab-separated, {@code \N} for null, backslash escapes. */
  private static final class Copy extends BulkRows {
    private final PGConnection connection;
    private final String sql;
    private final StringBuilder rows = new StringBuilder(1 << 20);

    Copy(Connection connection, String table, String[] columns) throws SQLException {
      this.connection = connection.unwrap(PGConnection.class);
      this.sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    }

    @Override
    void add(Object... values) {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          rows.append('\t');
        }
        if (values[i] == null) {
          rows.append("\\N");
          continue;
        }
        String text = values[i].toString();
        for (int c = 0; c < text.length(); c++) {
          char ch = text.charAt(c);
          switch (ch) {
            case '\\' -> rows.append("\\\\");
            case '\t' -> rows.append("\\t");
            case '\n' -> rows.append("\\n");
            case '\r' -> rows.append("\\r");
            default -> rows.append(ch);
          }
        }
      }
      rows.append('\n');
    }

    @Override
    void flush() throws SQLException {
      if (rows.length() == 0) {
        return;
      }
      try {
        connection.getCopyAPI().copyIn(sql, new StringReader(rows.toString()));
      } catch (IOException e) {
        throw new SQLException("COPY failed: " + e.getMessage(), e);
      }
      rows.setLength(0);
    }
  }
}
