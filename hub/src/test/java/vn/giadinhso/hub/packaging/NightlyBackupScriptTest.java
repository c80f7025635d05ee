package vn.giadinhso.hub.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hub/packaging/nightly-backup, what giadinhso-hub-backup.service runs: the backup command with
 * the package's flags, then backups past the retention removed, but only after a backup succeeded.
 * The hub here is a stand-in script that records its arguments (the backup command itself has
 * its own tests); time is the files' own modification times, set by the test.
 */
class NightlyBackupScriptTest {
  @TempDir Path dir;
  private Path backups;
  private Path passphrase;
  private Path calls;

  @BeforeEach
  void files() throws Exception {
    backups = Files.createDirectories(dir.resolve("backups"));
    passphrase = Files.writeString(dir.resolve("backup-passphrase"), "một câu dài khó đoán\n");
    calls = dir.resolve("calls.txt");
  }

  @Test
  void backsUpWithThePackagesFlagsThenRemovesOnlyOldBackups() throws Exception {
    Path old = backup("hub-20260101.gdsbak", Duration.ofDays(30));
    Path recent = backup("hub-20261125.gdsbak", Duration.ofDays(5));
    Path notOurs = backup("notes.txt", Duration.ofDays(60));

    Processes run = nightly(stubHub(0));

    assertEquals(0, run.exitCode(), run.output());
    String call = Files.readString(calls, StandardCharsets.UTF_8).strip();
    assertTrue(call.matches("backup --config " + Path.of("/etc/giadinhso/hub.conf") + " --to " + backups
        + "/hub-\\d{8}\\.gdsbak --passphrase-file " + passphrase), call);
    Path made = Path.of(call.replaceAll(".* --to (\\S+) .*", "$1"));
    assertTrue(Files.exists(made), "tonight's backup");
    assertFalse(Files.exists(old), "30 days old, 14 kept: removed");
    assertTrue(Files.exists(recent), "5 days old: kept");
    assertTrue(Files.exists(notOurs), "a file the script did not name is never removed");
    assertTrue(run.output().contains("removed old backup: " + old), run.output());
  }

  @Test
  void aFailedBackupRemovesNothing() throws Exception {
    Path old = backup("hub-20260101.gdsbak", Duration.ofDays(30));

    Processes run = nightly(stubHub(3));

    assertNotEquals(0, run.exitCode(), "the unit fails, so `systemctl --failed` shows it");
    assertTrue(Files.exists(old), "the last good backups stay when tonight's failed");
  }

  @Test
  void withoutAPassphraseItSaysWhereToPutOne() throws Exception {
    Files.delete(passphrase);

    Processes run = nightly(stubHub(0));

    assertEquals(1, run.exitCode());
    assertTrue(run.output().contains("no backup passphrase: create " + passphrase), run.output());
    assertFalse(Files.exists(calls), "no backup without a passphrase");
  }

  private Processes nightly(Path hub) throws Exception {
    return Processes.run(dir, Map.of(
        "GIADINHSO_HUB_COMMAND", hub.toString(),
        "GIADINHSO_BACKUP_DIR", backups.toString(),
        "GIADINHSO_BACKUP_PASSPHRASE_FILE", passphrase.toString(),
        "GIADINHSO_BACKUP_KEEP_DAYS", "14"),
        List.of("sh", UnitRoot.PACKAGING.resolve("nightly-backup").toAbsolutePath().toString()));
  }

  /** A hub that records its arguments and writes the --to file, then exits with {@code exitCode}. */
  private Path stubHub(int exitCode) throws Exception {
    Path stub = dir.resolve("giadinhso-hub");
    Files.writeString(stub, """
        #!/bin/sh
        echo "$*" >> %s
        while [ $# -gt 0 ]; do [ "$1" = --to ] && echo backup > "$2"; shift; done
        exit %d
        """.formatted(calls, exitCode));
    stub.toFile().setExecutable(true);
    return stub;
  }

  private Path backup(String name, Duration age) throws Exception {
    Path file = Files.writeString(backups.resolve(name), "old");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(age)));
    return file;
  }
}
