package vn.giadinhso.hub.storage;

/**
 * The SQL that cannot be the same on SQLite and PostgreSQL. Everything else the stores write is
 * portable ({@code INSERT … ON CONFLICT}, {@code RETURNING}, {@code COALESCE}); keep it that way,
 * and add here only what has no common spelling.
 */
public enum Dialect {
  SQLITE("sqlite", "LIKE"),
  POSTGRESQL("postgresql", "ILIKE");

  private final String migrations;
  private final String caseInsensitiveLike;

  Dialect(String migrations, String caseInsensitiveLike) {
    this.migrations = migrations;
    this.caseInsensitiveLike = caseInsensitiveLike;
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
   * The operator for a search box: SQLite's LIKE ignores the case of ASCII letters, PostgreSQL's
   * is case-sensitive and ILIKE is its counterpart.
   */
  public String caseInsensitiveLike() {
    return caseInsensitiveLike;
  }
}
