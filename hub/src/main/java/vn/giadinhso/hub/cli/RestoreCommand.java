package vn.giadinhso.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.backup.BackupFile;
import vn.giadinhso.hub.backup.Restore;

@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {"Restore a `backup` file onto a new, empty database and a new secrets file (a new machine).",
        "A SQLite backup restores into SQLite or PostgreSQL; a PostgreSQL backup into PostgreSQL.",
        "Refuses a target that holds anything, a wrong passphrase and a backup from a newer hub.",
        "Exit 0 when restored and the event log matches the backup's, 1 when refused."})
final class RestoreCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;
  @Mixin PassphraseOption passphrase;

  @Option(names = "--from", required = true, paramLabel = "FILE", description = "the backup file")
  Path from;

  @Override
  public Integer call() throws IOException, SQLException {
    if (!Files.isRegularFile(from)) {
      err().println("error: --from " + from + " is not a file");
      return 1;
    }
    try {
      Restore.Restored r = new Restore(line -> err().println(line))
          .run(from, db.location(), db.secrets(), passphrase.read(false));
      out().println("restored " + r.events() + " events (event log SHA-256 " + r.eventChecksum() + ", as backed up)");
      out().println("secrets written to " + db.secrets() + "; start the hub on this database and secrets file");
      return 0;
    } catch (Restore.Refused | BackupFile.WrongPassphrase e) {
      err().println("error: " + e.getMessage());
      return 1;
    }
  }
}
