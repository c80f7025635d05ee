package vn.giadinhso.hub.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.storage.Dialect;
import vn.giadinhso.hub.storage.copy.DatabaseCopy;

/**
 * {@code restore}: brings a backup back onto a new, empty database and secrets file. Refuses
 * (writing nothing) a target that holds anything, a wrong passphrase, and a backup from a newer
 * schema than this hub's. A SQLite backup restores into PostgreSQL too (through copy-database's
 * copy); a PostgreSQL backup restores into PostgreSQL only.
 */
public final class Restore {
  /** What was restored, checked against the manifest. */
  public record Restored(BackupManifest manifest, long events, String eventChecksum) {}

  /** Refused before anything was written. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message);
    }
  }

  private final Consumer<String> progress;

  public Restore(Consumer<String> progress) {
    this.progress = progress;
  }

  public Restored run(Path from, DatabaseLocation target, Path secretsFile, String passphrase)
      throws IOException, SQLException, Refused, BackupFile.WrongPassphrase {
    try (BackupFile.Opened backup = BackupFile.open(from)) {
      BackupManifest m = backup.manifest();
      refuseNewerSchema(m);
      if (m.databaseKind().equals(BackupManifest.POSTGRESQL) && target.dialect() != Dialect.POSTGRESQL) {
        throw new Refused("this is a PostgreSQL backup: restore it into a PostgreSQL database (postgresql://…)");
      }
      refuseNonEmpty(target);
      if (Files.exists(secretsFile)) {
        throw new Refused("the secrets file " + secretsFile + " exists already: restore writes a new one and never "
            + "overwrites keys (move the old file away if it belongs to no database)");
      }
      progress.accept("backup of " + m.madeAt() + " by hub " + m.hubVersion() + ": " + m.databaseKind() + ", schema "
          + m.schemaVersion() + ", " + m.events() + " events");
      PassphraseKey key = PassphraseKey.derive(passphrase, m.kdf());
      Path folder = secretsFile.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      try (BackupFile.Parts parts = backup.parts(key); PrivateFiles temp = PrivateFiles.in(folder)) {
        Path secrets = temp.file(BackupManifest.SECRETS);
        copyPart(parts.next(BackupManifest.SECRETS), secrets);
        if (m.databaseKind().equals(BackupManifest.SQLITE)) {
          Path database = temp.file(BackupManifest.SQLITE_DATABASE);
          copyPart(parts.next(BackupManifest.SQLITE_DATABASE), database);
          if (target instanceof DatabaseLocation.SqliteFile file) {
            placeSqlite(database, file.file());
          } else {
            copyIntoPostgres(database, (DatabaseLocation.Postgres) target);
          }
        } else {
          loadPostgres(m, parts, (DatabaseLocation.Postgres) target);
        }
        Files.move(secrets, secretsFile, StandardCopyOption.ATOMIC_MOVE);
      }
      return check(m, target, secretsFile);
    }
  }

  private static void copyPart(BackupFile.Part part, Path to) throws IOException {
    try (var out = Files.newOutputStream(to)) {
      part.transferTo(out);
    }
    part.verify();
  }

  /** The newest schema this jar can migrate to: a backup beyond it would be opened by a hub that does not know it. */
  private static void refuseNewerSchema(BackupManifest m) throws Refused {
    MigrationVersion newest = null;
    Flyway flyway = Flyway.configure().dataSource("jdbc:sqlite::memory:", null, null)
        .locations(Dialect.SQLITE.migrationLocation()).load();
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() != null && (newest == null || info.getVersion().compareTo(newest) > 0)) {
        newest = info.getVersion();
      }
    }
    if (newest != null && MigrationVersion.fromVersion(m.schemaVersion()).compareTo(newest) > 0) {
      throw new Refused("this backup was made by a newer hub (" + m.hubVersion() + ", schema " + m.schemaVersion()
          + "; this hub knows up to " + newest + "): install that hub version or newer, then restore");
    }
  }

  private static void refuseNonEmpty(DatabaseLocation target) throws SQLException, Refused {
    if (target instanceof DatabaseLocation.SqliteFile f) {
      Path file = f.file();
      for (String suffix : new String[] {"", "-wal"}) {
        Path p = file.resolveSibling(file.getFileName() + suffix);
        try {
          if (Files.exists(p) && Files.size(p) > 0) {
            throw new Refused("the target " + p + " exists and is not empty: restore only into a new database");
          }
        } catch (IOException e) {
          throw new Refused("cannot inspect the target " + p + ": " + e.getMessage());
        }
      }
      return;
    }
    try (Connection c = connect((DatabaseLocation.Postgres) target); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
      rs.next();
      if (rs.getLong(1) > 0) {
        throw new Refused("the target database is not empty (it has " + rs.getLong(1) + " tables): restore only into a "
            + "new, empty database (createdb), so nothing of another hub is mixed in; nothing was written");
      }
    }
  }

  private void placeSqlite(Path restored, Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.move(restored, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    progress.accept("database restored to " + target);
  }

  private void copyIntoPostgres(Path sqlite, DatabaseLocation.Postgres target) {
    try (Database source = Database.open(sqlite); Database destination = Database.open(target, 2)) {
      DatabaseCopy.Result result = new DatabaseCopy(source, destination, progress).run();
      if (!result.matches()) {
        throw new IllegalStateException("the copy into PostgreSQL differs from the backup: do not start a hub on it");
      }
    }
  }

  /**
   * Builds the schema the backup was made at (Flyway, up to its version), loads every table with
   * COPY in one transaction, then lets the hub migrate the rest when it opens the database.
   */
  private void loadPostgres(BackupManifest m, BackupFile.Parts parts, DatabaseLocation.Postgres target)
      throws IOException, SQLException {
    Flyway.configure().dataSource(target.jdbcUrl(), target.user().orElse(null), target.password().orElse(null))
        .locations(Dialect.POSTGRESQL.migrationLocation()).target(MigrationVersion.fromVersion(m.schemaVersion()))
        .load().migrate();
    try (Connection c = connect(target)) {
      c.setAutoCommit(false);
      try {
        for (BackupManifest.Part described : m.parts()) {
          if (!described.name().startsWith(BackupManifest.TABLE_PREFIX)) {
            continue;
          }
          String table = described.name().substring(BackupManifest.TABLE_PREFIX.length());
          BackupFile.Part part = parts.next(described.name());
          try (Statement s = c.createStatement()) {
            // Rows the migrations seed (the revision counter) give way to the backup's.
            s.executeUpdate("DELETE FROM " + Snapshot.quote(table));
          }
          String columns = String.join(", ", described.columns().stream().map(Snapshot::quote).toList());
          long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
              "COPY " + Snapshot.quote(table) + " (" + columns + ") FROM STDIN", part);
          part.verify();
          progress.accept(table + ": " + rows + " rows");
        }
        DatabaseCopy.resetIdentities(c);
        c.commit();
      } catch (IOException | SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Opens the restored hub as serve would (migrations, secrets fingerprint) and checks its event log. */
  private Restored check(BackupManifest m, DatabaseLocation target, Path secretsFile) throws SQLException {
    try (HubApp hub = HubApp.open(target, secretsFile, 2, Clock.systemUTC())) {
      return hub.db.reader().withHandle(h -> {
        Connection c = h.getConnection();
        c.setAutoCommit(false);
        try {
          long events = Snapshot.count(c);
          String checksum = DatabaseCopy.eventChecksum(c);
          if (events != m.events() || !checksum.equals(m.eventChecksum())) {
            throw new IllegalStateException("the restored event log (" + events + " events) differs from the backup's ("
                + m.events() + "): do not start a hub on it");
          }
          return new Restored(m, events, checksum);
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      });
    }
  }

  private static Connection connect(DatabaseLocation.Postgres pg) throws SQLException {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user().orElse(null), pg.password().orElse(null));
  }
}
