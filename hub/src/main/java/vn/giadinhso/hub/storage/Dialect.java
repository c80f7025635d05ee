package vn.giadinhso.hub.storage;

/**
 * The SQL that cannot be the same on SQLite and PostgreSQL. Everything else the stores write is
 * portable ({@code INSERT … ON CONFLICT}, {@code RETURNING}, {@code COALESCE}); keep it that way,
 * and add here only what has no common spelling.
 */
public enum Dialect {
  SQLITE("sqlite", "", ""),
  POSTGRESQL("postgresql", " FOR UPDATE", " FOR UPDATE SKIP LOCKED");

  private final String migrations;
  private final String forUpdate;
  private final String forUpdateSkipLocked;

  Dialect(String migrations, String forUpdate, String forUpdateSkipLocked) {
    this.migrations = migrations;
    this.forUpdate = forUpdate;
    this.forUpdateSkipLocked = forUpdateSkipLocked;
  }

  /** The dialect of a connection (for code that is handed a bare JDBC connection). */
  public static Dialect of(java.sql.Connection connection) throws java.sql.SQLException {
    return connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL") ? POSTGRESQL : SQLITE;
  }

  /** Flyway location of this database's migrations. */
  public String migrationLocation() {
    return "classpath:db/migration/" + migrations;
  }

  /**
   * Ends a SELECT in a write transaction so that the rows it reads stay locked until commit:
   * another process's transaction wanting them waits, then reads what this one wrote. PostgreSQL
   * needs {@code FOR UPDATE}; on SQLite it is empty, because a writer transaction (IMMEDIATE) holds
   * the whole file's write lock from its start, across processes too.
   */
  public String forUpdate() {
    return forUpdate;
  }

  /**
   * As {@link #forUpdate}, but rows another transaction holds are left out instead of waited for:
   * for housekeeping (deleting stale rows) that must never wait on, or deadlock with, a request
   * holding a row it is about to refresh. SQLite has one writer at a time, so nothing is held.
   */
  public String forUpdateSkipLocked() {
    return forUpdateSkipLocked;
  }

  /**
   * {@code LEFT JOIN table alias ON condition}, where the condition refers to earlier tables of
   * the FROM clause, evaluated once per earlier row through the table's index. SQLite's planner
   * does that by itself; PostgreSQL's guesses a third of the rows match a range such as
   * {@code h.rev > rc.rev} and hashes the whole table instead (0.7 s at a million households), unless the join is LATERAL
   * and {@code OFFSET 0} keeps the planner from flattening it back into a plain join.
   */
  public String leftJoinPerRow(String table, String alias, String condition) {
    return this == POSTGRESQL
        ? " LEFT JOIN LATERAL (SELECT * FROM " + table + " " + alias + " WHERE " + condition + " OFFSET 0) " + alias + " ON true "
        : " LEFT JOIN " + table + " " + alias + " ON " + condition + " ";
  }
}
