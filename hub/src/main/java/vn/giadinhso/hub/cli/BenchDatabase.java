package vn.giadinhso.hub.cli;

import vn.giadinhso.hub.storage.DatabaseLocation;

/** The benchmarks' {@code --db}: a PostgreSQL URL, with the password from the environment when it has none. */
final class BenchDatabase {
  private BenchDatabase() {}

  /** Null when no URL is given (the benchmark then uses SQLite). */
  static DatabaseLocation.Postgres postgresOrNull(String url) {
    if (url == null) {
      return null;
    }
    if (!(DatabaseLocation.parse(url) instanceof DatabaseLocation.Postgres pg)) {
      throw new IllegalArgumentException("--db: give a postgresql:// URL (without --db the benchmark uses SQLite)");
    }
    String fromEnvironment = System.getenv(DatabaseOption.PASSWORD_VARIABLE);
    return pg.password().isEmpty() && fromEnvironment != null && !fromEnvironment.isEmpty()
        ? pg.withPassword(fromEnvironment) : pg;
  }
}
