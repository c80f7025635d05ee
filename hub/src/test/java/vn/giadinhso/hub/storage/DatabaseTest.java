package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void opensInWalModeAndReopensWithoutChange() {
    Path file = dir.resolve("sub/hub.db");
    try (Database db = Database.open(file)) {
      assertEquals("wal", db.reader().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
    }
    try (Database db = Database.open(file)) {
      int applied = db.reader().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
      // Every migration applied once, none again on reopening.
      assertEquals(migrationFiles(), applied);
    }
  }

  private static int migrationFiles() {
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void refusesADatabaseWrittenByANewerHub() {
    Path file = dir.resolve("hub.db");
    try (Database db = Database.open(file)) {
      db.writer().useHandle(h -> h.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
              + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
              + "'V99__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, 1)"));
    }
    StorageException refused = assertThrows(StorageException.class, () -> Database.open(file));
    assertTrue(refused.getMessage().contains("newer version of the hub"), refused.getMessage());
  }
}
