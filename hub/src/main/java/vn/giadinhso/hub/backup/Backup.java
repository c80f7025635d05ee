package vn.giadinhso.hub.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * {@code backup}: a consistent copy of a running hub and its secrets, sealed with a passphrase
 * into one file (docs/deployment.md "Backups and restore", docs/decisions/hub-021-backups.md).
 */
public final class Backup {
  private final String hubVersion;
  private final Clock clock;

  public Backup(String hubVersion, Clock clock) {
    this.hubVersion = hubVersion;
    this.clock = clock;
  }

  public BackupManifest run(DatabaseLocation database, Path secretsFile, Path to, String passphrase)
      throws IOException, SQLException {
    requireStrong(passphrase);
    Path folder = to.toAbsolutePath().getParent();
    try (PrivateFiles temp = PrivateFiles.in(folder)) {
      String madeAt = clock.instant().toString();
      Snapshot snapshot = database instanceof DatabaseLocation.Postgres pg
          ? Snapshot.postgres(pg, temp)
          : Snapshot.sqlite(((DatabaseLocation.SqliteFile) database).file(), temp);
      // The secrets after the database: a member key rotation saves its new key to the file before
      // the database names it, so every key version the snapshot refers to is in the file by now.
      List<Snapshot.PartOnDisk> parts = new ArrayList<>();
      parts.add(Snapshot.secrets(secretsFile, temp));
      parts.addAll(snapshot.parts());
      PassphraseKey.Params kdf = PassphraseKey.Params.fresh();
      PassphraseKey key = PassphraseKey.derive(passphrase, kdf);
      BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, hubVersion, snapshot.schemaVersion(),
          snapshot.kind(), madeAt, parts.stream().map(Snapshot.PartOnDisk::part).toList(), snapshot.events(),
          snapshot.eventChecksum(), kdf, key.verifier());
      BackupFile.write(to, manifest, parts.stream().map(Snapshot.PartOnDisk::file).toList(), key);
      return manifest;
    }
  }

  static void requireStrong(String passphrase) {
    if (passphrase == null || passphrase.strip().length() < PassphraseKey.MIN_LENGTH) {
      throw new IllegalArgumentException("the backup passphrase must have at least " + PassphraseKey.MIN_LENGTH
          + " characters: it is all that protects residents' data and the hub's keys in the file");
    }
  }
}
