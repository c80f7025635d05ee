package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;

/**
 * The SQLite migrations moved from db/migration to db/migration/sqlite. A hub database migrated
 * by an older release recorded them under their file names and checksums; it must still open,
 * validate and take no migration twice.
 */
class MigrationsMovedTest {
  @TempDir Path dir;

  @BeforeEach
  void sqliteOnly() {
    TestDatabase.sqliteOnly("about SQLite databases made by earlier releases");
  }

  @Test
  void aDatabaseMigratedFromTheOldFolderOpensAndValidates() throws Exception {
    Path file = dir.resolve("hub.db");
    String url = "jdbc:sqlite:" + file;
    // The old layout, rebuilt from the same scripts: every file directly in db/migration. Only the
    // scripts of that time (before the Java migrations, V35): a later script applied here would put
    // the database past V35 and V36, which Flyway then refuses to run out of order.
    Path old = dir.resolve("classpath-root/db/migration");
    java.nio.file.Files.createDirectories(old);
    try (var scripts = java.nio.file.Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
      for (Path script : (Iterable<Path>) scripts::iterator) {
        var version = java.util.regex.Pattern.compile("V(\\d+)__").matcher(script.getFileName().toString());
        if (version.lookingAt() && Integer.parseInt(version.group(1)) < 35) {
          java.nio.file.Files.copy(script, old.resolve(script.getFileName()));
        }
      }
    }
    int appliedBefore = Flyway.configure().dataSource(url, null, null)
        .locations("filesystem:" + old).load().migrate().migrationsExecuted;

    try (Database db = Database.open(file)) {
      int applied = db.reader().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
      // The old layout held SQL scripts only; the Java migrations (V35 on) and later scripts are new to this database.
      int javaMigrations;
      try (var classes = java.nio.file.Files.list(Path.of("src/main/java/db/migration/sqlite"))) {
        javaMigrations = (int) classes.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.java")).count();
      }
      int laterScripts;
      try (var scripts = java.nio.file.Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
        laterScripts = (int) scripts.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
            .filter(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))) >= 35).count();
      }
      assertEquals(appliedBefore + javaMigrations + laterScripts, applied, "no migration ran again");
    }
    // Checksums and names match the shipped ones exactly.
    Flyway.configure().dataSource(url, null, null).locations(Dialect.SQLITE.migrationLocation()).load().validate();
  }
}
