package vn.giadinhso.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubVersion;
import vn.giadinhso.hub.backup.Backup;
import vn.giadinhso.hub.backup.BackupManifest;

@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {"Copy a hub's database (while it runs: kiosks may keep posting) and its secrets into one file,",
        "sealed with a passphrase (AES-256-GCM, key from Argon2id). Restore it with `restore`.",
        "Exit 0 when the file is written, 1 when refused."})
final class BackupCommand extends HubSubcommand implements Callable<Integer> {
  static final String SUFFIX = ".gdsbackup";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  @Mixin DatabaseOption db;
  @Mixin PassphraseOption passphrase;

  @Option(names = "--to", required = true, paramLabel = "FILE|DIR",
      description = {"the backup file, or a folder: then giadinhso-YYYYMMDDTHHMMSSZ" + SUFFIX + " in it.",
          "Written beside and renamed into place, so a failed run never leaves half a backup."})
  Path to;

  @Option(names = "--keep", paramLabel = "N", description = {"with a folder for --to: afterwards delete all but the newest N",
      "giadinhso-*" + SUFFIX + " files in it (default: keep all)"})
  Integer keep;

  @Override
  public Integer call() throws IOException, SQLException {
    Clock clock = Clock.systemUTC();
    boolean folder = Files.isDirectory(to) || to.toString().endsWith("/");
    Path file = folder ? to.resolve("giadinhso-" + STAMP.format(clock.instant()) + SUFFIX) : to;
    if (keep != null && (!folder || keep < 1)) {
      throw new IllegalArgumentException("--keep N needs a folder for --to and N ≥ 1");
    }
    String secret = passphrase.read(true);
    BackupManifest m = new Backup(HubVersion.get(), clock).run(db.location(), db.secrets(), file, secret);
    out().println("backup written: " + file);
    out().printf("  %s, schema %s, %d events, made %s by hub %s%n", m.databaseKind(), m.schemaVersion(), m.events(),
        m.madeAt(), m.hubVersion());
    for (BackupManifest.Part part : m.parts()) {
      out().printf("  %-32s %12d bytes  sha256 %s%n", part.name(), part.size(), part.sha256());
    }
    if (keep != null) {
      for (Path old : olderThanNewest(to, keep)) {
        Files.delete(old);
        out().println("removed old backup " + old);
      }
    }
    return 0;
  }

  /** The folder's backups beyond the newest {@code keep}; names carry the time, so they sort by it. */
  static List<Path> olderThanNewest(Path folder, int keep) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith("giadinhso-")
              && p.getFileName().toString().endsWith(SUFFIX))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
      return backups.size() <= keep ? List.of() : backups.subList(keep, backups.size());
    }
  }
}
