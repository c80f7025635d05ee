package vn.giadinhso.hub.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.storage.copy.DatabaseCopy;

/**
 * Moves a commune's SQLite hub to PostgreSQL (docs/deployment.md). The hub must be stopped; the
 * secrets file is not copied: the hub on PostgreSQL is started with {@code --secrets} naming it.
 */
@Command(
    name = "copy-database",
    mixinStandardHelpOptions = true,
    description = {"Copy a SQLite hub database into a new, empty PostgreSQL database: every table, the event log",
        "with its ids, the sync revisions (enrolled kiosks carry on). Stop the hub first.",
        "Exit 0 when row counts and the event-log checksum match on both sides, 1 otherwise or when refused."})
public final class CopyDatabaseCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "FILE.db",
      description = "the SQLite database (migrated to this hub's schema first if it is older)")
  Path from;

  @Option(names = "--to", required = true, paramLabel = "URL",
      description = {"the PostgreSQL database: postgresql://user@host:5432/giadinhso (or jdbc:postgresql://…);",
          "migrated, and refused unless it holds no hub data. Password from the URL, $"
              + DatabaseOption.PASSWORD_VARIABLE + " or --db-password-file."})
  String to;

  @Option(names = "--db-password-file", paramLabel = "FILE", description = "the PostgreSQL password in this file (first line)")
  Path passwordFile;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(from)) {
      err().println("error: --from " + from + " is not a file");
      return 1;
    }
    DatabaseLocation.Postgres target = target();
    try (Database source = Database.open(from); Database destination = Database.open(target, 2)) {
      err().println("copying " + from + " to " + target);
      DatabaseCopy.Result result = new DatabaseCopy(source, destination, line -> err().println(line)).run();
      out().printf("%-24s %12s %12s%n", "table", "source", "target");
      result.source().counts().forEach((table, n) ->
          out().printf("%-24s %12d %12d%s%n", table, n, result.target().counts().get(table),
              n.equals(result.target().counts().get(table)) ? "" : "  DIFFERENT"));
      out().println("event log SHA-256, source: " + result.source().eventChecksum());
      out().println("event log SHA-256, target: " + result.target().eventChecksum());
      if (!result.matches()) {
        err().println("error: the copy differs from the source (see above); do not start a hub on it");
        return 1;
      }
      out().println("copy complete: start the hub with --db " + to.replaceAll("://[^@/]*:[^@/]*@", "://…@")
          + " --secrets " + vn.giadinhso.hub.identity.HubSecrets.fileFor(from));
      return 0;
    } catch (DatabaseCopy.TargetNotEmptyException e) {
      err().println("error: " + e.getMessage());
      return 1;
    }
  }

  private DatabaseLocation.Postgres target() {
    if (!(DatabaseLocation.parse(to) instanceof DatabaseLocation.Postgres pg)) {
      throw new IllegalArgumentException("--to must be a postgresql:// URL, not a file");
    }
    if (passwordFile != null) {
      try {
        String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return pg.withPassword((end < 0 ? text : text.substring(0, end)).strip());
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read --db-password-file " + passwordFile + ": " + e.getMessage(), e);
      }
    }
    String fromEnvironment = System.getenv(DatabaseOption.PASSWORD_VARIABLE);
    if (pg.password().isEmpty() && fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return pg.withPassword(fromEnvironment);
    }
    return pg;
  }
}
