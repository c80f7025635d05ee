package vn.giadinhso.hub.storage;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** Applies the schema migrations shipped in the jar, and refuses a database from a newer hub. */
final class SchemaMigrator {
  private SchemaMigrator() {}

  static void migrate(DataSource dataSource, Dialect dialect) {
    // Each database has its own scripts (db/migration/sqlite, db/migration/postgresql). The SQLite
    // scripts kept their content when they moved there, and Flyway records a script's name and
    // checksum but not its folder, so databases migrated before the move still validate.
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(dialect.migrationLocation())
            .load();
    MigrationVersion newestKnown = newestKnown(flyway);
    MigrationInfo current = flyway.info().current();
    // Flyway by default ignores applied migrations it does not know ("future" ones). Running an
    // old hub on a newer database would then write rows the newer schema no longer expects.
    if (current != null
        && current.getVersion() != null
        && newestKnown != null
        && current.getVersion().compareTo(newestKnown) > 0) {
      throw new StorageException(
          "this database was written by a newer version of the hub (schema "
              + current.getVersion()
              + ", this hub knows up to "
              + newestKnown
              + "); upgrade the hub instead of opening it with this one");
    }
    flyway.migrate();
  }

  private static MigrationVersion newestKnown(Flyway flyway) {
    MigrationVersion newest = null;
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() == null || info.getState().name().contains("FUTURE")) {
        continue;
      }
      if (newest == null || info.getVersion().compareTo(newest) > 0) {
        newest = info.getVersion();
      }
    }
    return newest;
  }
}
