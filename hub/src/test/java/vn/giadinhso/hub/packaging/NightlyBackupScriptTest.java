package vn.giadinhso.hub.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * hub/packaging/nightly-backup, what giadinhso-hub-backup.service runs, with the real hub command
 * (this test's classpath) reading a hub.conf as the package installs it: tonight's encrypted backup
 * lands in the folder, all but the newest GIADINHSO_BACKUP_KEEP are removed by the command itself
 * (one pruning rule, `backup --keep`, tested in BackupRestoreTest), nothing is removed when the
 * backup fails, and a missing passphrase is explained.
 */
class NightlyBackupScriptTest {
  private static final String SUFFIX = ".gdsbackup";

  @TempDir Path dir;
  private Path backups;
  private Path passphrase;
  private Path config;

  @BeforeEach
  void files() throws Exception {
    Path db = dir.resolve("hub.db");
    TestDatabase.open(db, Clock.systemUTC()).close();
    backups = dir.resolve("backups");
    passphrase = Files.writeString(dir.resolve("backup-passphrase"), "một câu dài khó đoán\n");
    config = Files.writeString(dir.resolve("hub.conf"), databaseSettings(db) + "port = 7070\n");
  }

  /** hub.conf's database lines for this run's database: the SQLite file, or PostgreSQL as the package's comments show. */
  private String databaseSettings(Path db) throws Exception {
    if (TestDatabase.location(db) instanceof DatabaseLocation.Postgres pg) {
      Path password = Files.writeString(dir.resolve("db-password"), pg.password().orElse(""));
      String url = pg.jdbcUrl().replace("jdbc:postgresql://", "postgresql://" + pg.user().map(u -> u + "@").orElse(""));
      return "db = " + url + "\ndb-password-file = " + password + "\nsecrets = " + TestDatabase.secrets(db)
          + "\n";
    }
    return "db = " + db + "\n";
  }

  @Test
  void writesTonightsBackupAndKeepsTheNewest() throws Exception {
    Files.createDirectories(backups);
    Path oldest = Files.writeString(backups.resolve("giadinhso-20260101T013000Z" + SUFFIX), "old");
    Path older = Files.writeString(backups.resolve("giadinhso-20260102T013000Z" + SUFFIX), "old");
    Path notOurs = Files.writeString(backups.resolve("notes.txt"), "kept");

    Processes run = nightly("2");

    assertEquals(0, run.exitCode(), run.output());
    List<Path> made = backupsIn(backups);
    assertEquals(2, made.size(), made.toString());
    assertTrue(made.contains(older), "the newest old backup is kept with tonight's");
    assertFalse(Files.exists(oldest), "beyond the newest 2: removed");
    assertTrue(Files.exists(notOurs), "a file the command did not make is never removed");
    Path tonight = made.stream().filter(p -> !p.equals(older)).findFirst().orElseThrow();
    assertTrue(Files.size(tonight) > 1000, "a real backup, not an empty file");
    assertFalse(Files.readString(tonight, java.nio.charset.StandardCharsets.ISO_8859_1).contains("CREATE TABLE"),
        "encrypted: the schema is not readable in the file");
  }

  @Test
  void aFailedBackupRemovesNothing() throws Exception {
    Files.createDirectories(backups);
    Path old = Files.writeString(backups.resolve("giadinhso-20260101T013000Z" + SUFFIX), "old");
    Files.writeString(config, "db = " + dir.resolve("missing/hub.db") + "\n");

    Processes run = nightly("1");

    assertTrue(run.exitCode() != 0, "the unit fails, so `systemctl --failed` shows it: " + run.output());
    assertTrue(Files.exists(old), "the last good backup stays when tonight's failed");
  }

  @Test
  void withoutAPassphraseItSaysWhereToPutOne() throws Exception {
    Files.delete(passphrase);

    Processes run = nightly("14");

    assertEquals(1, run.exitCode());
    assertTrue(run.output().contains("no backup passphrase: create " + passphrase), run.output());
    assertFalse(Files.exists(backups), "no backup without a passphrase");
  }

  @Test
  void aKeepThatIsNotACountIsRefused() throws Exception {
    Processes run = nightly("0");

    assertEquals(2, run.exitCode());
    assertTrue(run.output().contains("GIADINHSO_BACKUP_KEEP must be a whole number of backups"), run.output());
  }

  private Processes nightly(String keep) throws Exception {
    return Processes.run(dir, Map.of(
        "GIADINHSO_HUB_COMMAND", hubCommand().toString(),
        "GIADINHSO_HUB_CONFIG", config.toString(),
        "GIADINHSO_BACKUP_DIR", backups.toString(),
        "GIADINHSO_BACKUP_PASSPHRASE_FILE", passphrase.toString(),
        "GIADINHSO_BACKUP_KEEP", keep),
        List.of("sh", UnitRoot.PACKAGING.resolve("nightly-backup").toAbsolutePath().toString()));
  }

  /** The hub as the package's /usr/bin/giadinhso-hub runs it, on this build's classes. */
  private Path hubCommand() throws Exception {
    Path hub = dir.resolve("giadinhso-hub");
    Files.writeString(hub, """
        #!/bin/sh
        exec '%s' -cp '%s' vn.giadinhso.hub.HubMain "$@"
        """.formatted(Path.of(System.getProperty("java.home"), "bin", "java"), System.getProperty("java.class.path")));
    hub.toFile().setExecutable(true);
    return hub;
  }

  private static List<Path> backupsIn(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }
  }
}
