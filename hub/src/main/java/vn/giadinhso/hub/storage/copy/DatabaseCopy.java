package vn.giadinhso.hub.storage.copy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Dialect;

/**
 * Copies every hub table of one migrated database into another migrated, empty one (SQLite to
 * PostgreSQL for {@code copy-database}), row for row: the event log with its ids and payloads,
 * the sync revision counter and every row's revision, so enrolled kiosks carry on.
 *
 * <p>The whole copy is one transaction on the target: a failure half-way leaves it as empty as it
 * was, so the operator can simply run the command again (a partly filled target would be refused
 * as non-empty, and the audit log cannot be emptied by hand: it is append-only).
 */
public final class DatabaseCopy {
  /** Flyway's own bookkeeping: the target recorded its own history when it was migrated. */
  private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history");
  /** Rows the migrations themselves put in: the revision counter starts as (1, 0). */
  private static final String SEEDED_TABLE = "revision";
  private static final int BATCH = 1_000;

  private final Database source;
  private final Database target;
  private final Consumer<String> progress;

  public DatabaseCopy(Database source, Database target, Consumer<String> progress) {
    if (target.dialect() != Dialect.POSTGRESQL) {
      throw new IllegalArgumentException("copy-database copies into a PostgreSQL database");
    }
    this.source = source;
    this.target = target;
    this.progress = progress;
  }

  /** What both sides hold after the copy: row counts per table and the event log's checksum. */
  public record Summary(Map<String, Long> counts, String eventChecksum) {}

  /** The outcome: the source's and the target's summaries, to be compared. */
  public record Result(Summary source, Summary target) {
    public boolean matches() {
      return source.equals(target);
    }
  }

  /**
   * Copies everything, then summarises both sides.
   *
   * @throws TargetNotEmptyException before writing anything, when the target holds hub data
   */
  public Result run() {
    try (Handle fromHandle = source.reader().open(); Handle toHandle = target.writer().open()) {
      Connection from = fromHandle.getConnection();
      Connection to = toHandle.getConnection();
      // One read transaction on the source: every table and the checksum from the same snapshot.
      from.setAutoCommit(false);
      to.setAutoCommit(false);
      try {
        List<String> tables = tablesInDependencyOrder(to);
        refuseTablesWithoutPlace(from, tables);
        refuseNonEmpty(to, tables);
        for (String table : tables) {
          copyTable(from, to, table);
        }
        resetIdentities(to);
        to.commit();
        Summary before = summary(from, tables);
        Summary after = summary(to, tables);
        to.commit();
        return new Result(before, after);
      } catch (SQLException | RuntimeException e) {
        to.rollback();
        throw e;
      } finally {
        from.rollback();
        from.setAutoCommit(true);
        to.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("copy failed, nothing was written to the target: " + e.getMessage(), e);
    }
  }

  /** The target's hub tables, each after the tables its foreign keys point at. */
  public static List<String> tablesInDependencyOrder(Connection pg) throws SQLException {
    Set<String> tables = new LinkedHashSet<>();
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
            + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")) {
      while (rs.next()) {
        if (!NOT_COPIED.contains(rs.getString(1))) {
          tables.add(rs.getString(1));
          dependsOn.put(rs.getString(1), new LinkedHashSet<>());
        }
      }
    }
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT c.conrelid::regclass::text, c.confrelid::regclass::text "
            + "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace")) {
      while (rs.next()) {
        String child = unquote(rs.getString(1));
        String parent = unquote(rs.getString(2));
        if (dependsOn.containsKey(child) && !child.equals(parent)) {
          dependsOn.get(child).add(parent);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progressed = false;
      for (String t : tables) {
        if (!placed.contains(t) && placed.containsAll(dependsOn.get(t))) {
          ordered.add(t);
          placed.add(t);
          progressed = true;
        }
      }
      if (!progressed) {
        throw new IllegalStateException("foreign keys form a cycle among " + tables);
      }
    }
    return ordered;
  }

  private static String unquote(String name) {
    return name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
  }

  private static void refuseNonEmpty(Connection pg, List<String> tables) throws SQLException {
    List<String> holding = new ArrayList<>();
    for (String table : tables) {
      String sql = table.equals(SEEDED_TABLE)
          ? "SELECT count(*) FROM revision WHERE value <> 0"
          : "SELECT count(*) FROM " + quote(table);
      if (count(pg, sql) > 0) {
        holding.add(table);
      }
    }
    if (!holding.isEmpty()) {
      throw new TargetNotEmptyException("the target database is not empty (rows in " + String.join(", ", holding)
          + "); copy-database only copies into a new, empty database, and wrote nothing");
    }
  }

  private void copyTable(Connection from, Connection to, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try (PreparedStatement p = to.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      p.setString(1, table);
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
          types.add(rs.getString(2));
        }
      }
    }
    refuseColumnsWithoutPlace(from, table, columns);
    long total = count(from, "SELECT count(*) FROM " + quote(table));
    if (table.equals(SEEDED_TABLE)) {
      try (Statement s = to.createStatement()) {
        s.executeUpdate("DELETE FROM revision");
      }
    }
    String list = String.join(", ", columns.stream().map(DatabaseCopy::quote).toList());
    String marks = String.join(", ", columns.stream().map(c -> "?").toList());
    long copied = 0;
    try (Statement read = from.createStatement();
        ResultSet rs = readAll(read, "SELECT " + list + " FROM " + quote(table));
        PreparedStatement insert = to.prepareStatement(
            "INSERT INTO " + quote(table) + " (" + list + ") VALUES (" + marks + ")")) {
      int pending = 0;
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          bind(insert, i + 1, types.get(i), rs);
        }
        insert.addBatch();
        copied++;
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
          progress.accept(table + ": " + copied + " / " + total);
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    progress.accept(table + ": " + copied + " / " + total + " rows copied");
  }

  /** A table only the source has (schemas that differ) would be left behind silently. */
  private static void refuseTablesWithoutPlace(Connection from, List<String> targetTables) throws SQLException {
    try (ResultSet rs = from.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String table = rs.getString("TABLE_NAME");
        if (!NOT_COPIED.contains(table) && !table.startsWith("sqlite_") && !targetTables.contains(table)) {
          throw new IllegalStateException("the source's table " + table + " has no place in the target "
              + "(schemas differ: is the target made by this same jar?)");
        }
      }
    }
  }

  /** Both sides are at one schema version; a column only the source has would be lost silently. */
  private static void refuseColumnsWithoutPlace(Connection from, String table, List<String> targetColumns)
      throws SQLException {
    try (ResultSet rs = from.getMetaData().getColumns(null, null, table, "%")) {
      while (rs.next()) {
        String column = rs.getString("COLUMN_NAME");
        if (targetColumns.stream().noneMatch(column::equalsIgnoreCase)) {
          throw new IllegalStateException("the source's column " + table + "." + column + " has no place in the target "
              + "(schemas differ: is the target made by this same jar?)");
        }
      }
    }
  }

  /** SQLite hands back whatever it stored; PostgreSQL wants the column's own type. */
  private static void bind(PreparedStatement insert, int i, String pgType, ResultSet rs) throws SQLException {
    Object value = rs.getObject(i);
    if (value == null) {
      insert.setNull(i, switch (pgType) {
        case "bigint" -> Types.BIGINT;
        case "integer", "smallint" -> Types.INTEGER;
        case "bytea" -> Types.BINARY;
        default -> Types.VARCHAR;
      });
      return;
    }
    switch (pgType) {
      case "bigint" -> insert.setLong(i, rs.getLong(i));
      case "integer", "smallint" -> insert.setInt(i, rs.getInt(i));
      case "bytea" -> insert.setBytes(i, rs.getBytes(i));
      case "double precision", "real", "numeric" -> insert.setDouble(i, rs.getDouble(i));
      default -> insert.setString(i, rs.getString(i));
    }
  }

  /** Identity columns continue after the copied ids, or the next household would collide. */
  public static void resetIdentities(Connection pg) throws SQLException {
    List<String[]> identities = new ArrayList<>();
    try (Statement s = pg.createStatement();
        ResultSet rs = s.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
            + "WHERE table_schema = current_schema() AND is_identity = 'YES'")) {
      while (rs.next()) {
        identities.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    for (String[] tc : identities) {
      try (Statement s = pg.createStatement()) {
        s.executeQuery("SELECT setval(pg_get_serial_sequence('" + quote(tc[0]) + "', '" + tc[1] + "'), "
            + "COALESCE(max(" + quote(tc[1]) + "), 1), max(" + quote(tc[1]) + ") IS NOT NULL) FROM " + quote(tc[0]))
            .close();
      }
    }
  }

  private static Summary summary(Connection c, List<String> tables) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, count(c, "SELECT count(*) FROM " + quote(table)));
    }
    return new Summary(counts, eventChecksum(c));
  }

  /**
   * SHA-256 over every event's id and payload (UTF-8), in id order. Ids are compared byte by byte
   * on both sides (SQLite's BINARY, PostgreSQL's "C"), whatever collation the target was made with.
   */
  public static String eventChecksum(Connection c) throws SQLException {
    boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // The caller is inside a transaction: the PostgreSQL driver streams (fetch size) only there.
    try (Statement s = c.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT id, payload FROM event ORDER BY id" + (postgres ? " COLLATE \"C\"" : ""))) {
        while (rs.next()) {
          byte[] id = rs.getString(1).getBytes(StandardCharsets.UTF_8);
          byte[] payload = rs.getString(2).getBytes(StandardCharsets.UTF_8);
          sha.update(length(id.length));
          sha.update(id);
          sha.update(length(payload.length));
          sha.update(payload);
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** Each field is preceded by its length, so "ab"+"c" and "a"+"bc" hash differently. */
  private static byte[] length(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }

  private static ResultSet readAll(Statement s, String sql) throws SQLException {
    s.setFetchSize(BATCH);
    return s.executeQuery(sql);
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String quote(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The target already holds hub data; nothing was written. */
  public static final class TargetNotEmptyException extends RuntimeException {
    public TargetNotEmptyException(String message) {
      super(message);
    }
  }
}
