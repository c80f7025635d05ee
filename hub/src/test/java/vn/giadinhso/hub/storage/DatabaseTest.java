package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void opensInWalModeAndReopensWithoutChange() {
    TestDatabase.sqliteOnly("WAL is SQLite's journal");
    Path file = dir.resolve("sub/hub.db");
    try (Database db = Database.open(file)) {
      assertEquals("wal", db.reader().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
    }
  }

  @Test
  void theWriterLeavesCheckpointsToTheirOwnThread() {
    TestDatabase.sqliteOnly("WAL checkpoints are SQLite's");
    Path file = dir.resolve("hub.db");
    try (Database db = Database.open(file)) {
      assertEquals((Integer) WalCheckpointer.WRITER_AUTOCHECKPOINT_PAGES,
          db.writer().withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one()));
      db.writer().useHandle(h -> h.execute("CREATE TABLE scratch (x TEXT)"));
      db.writer().useTransaction(h -> {
        var insert = h.prepareBatch("INSERT INTO scratch (x) VALUES (:x)");
        for (int i = 0; i < 5_000; i++) {
          insert.bind("x", "row " + i + " ".repeat(100)).add();
        }
        insert.execute();
      });
      // Far below the writer's own threshold: only the background checkpoint copies these pages.
      org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
          .until(() -> db.checkpointedPages() > 0);
    }
    try (Database db = Database.open(file)) {
      assertEquals((Integer) 5_000, db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scratch").mapTo(Integer.class).one()));
    }
  }

  @Test
  void reopensWithoutApplyingAnyMigrationAgain() {
    Path file = dir.resolve("sub/hub.db");
    TestDatabase.openDatabase(file).close();
    try (Database db = TestDatabase.openDatabase(file)) {
      int applied = db.reader().withHandle(h ->
          h.createQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = TRUE").mapTo(Integer.class).one());
      // Every migration of this database's folder applied once, none again on reopening.
      assertEquals(migrationFiles(db.dialect()), applied);
    }
  }

  private static int migrationFiles(Dialect dialect) {
    String folder = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
    // SQL scripts, and Java migrations (db.migration.<folder>.V…) for what SQL cannot do.
    try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration", folder));
        var classes = java.nio.file.Files.list(Path.of("src/main/java/db/migration", folder))) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count()
          + (int) classes.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.java")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void refusesADatabaseWrittenByANewerHub() {
    Path file = dir.resolve("hub.db");
    try (Database db = TestDatabase.openDatabase(file)) {
      db.writer().useHandle(h -> h.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, "
              + "installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL', "
              + "'V99__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, TRUE)"));
    }
    StorageException refused = assertThrows(StorageException.class, () -> TestDatabase.openDatabase(file));
    assertTrue(refused.getMessage().contains("newer version of the hub"), refused.getMessage());
  }

  @Test
  void theAuditLogCannotBeChangedNorEmptied() {
    try (Database db = TestDatabase.openDatabase(dir.resolve("hub.db"))) {
      db.writer().useHandle(h -> h.execute(
          "INSERT INTO audit_log (at, actor, action, subject) VALUES ('2026-11-30T00:00:00Z', 'admin', 'user.add', 'x')"));
      for (String change : new String[] {"UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"}) {
        Exception refused = assertThrows(Exception.class, () -> db.writer().useHandle(h -> h.execute(change)), change);
        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused.getMessage());
      }
      assertEquals("admin", db.reader().withHandle(h -> h.createQuery("SELECT actor FROM audit_log").mapTo(String.class).one()));
    }
  }
}
