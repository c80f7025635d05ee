package vn.giadinhso.hub.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * The {@code --db} every command takes: a SQLite file or a PostgreSQL URL, with the options that
 * go with it (where the secrets are, the password kept out of {@code ps}, the pool size).
 */
final class DatabaseOption {
  /** Read when the URL carries no password, so it need not appear on the command line. */
  static final String PASSWORD_VARIABLE = "GIADINHSO_DB_PASSWORD";

  @Option(names = "--db", required = true, paramLabel = "FILE|URL",
      description = {"SQLite database file (created and migrated if needed; its secrets live in FILE.secrets.json),",
          "or a PostgreSQL database: postgresql://user@host:5432/giadinhso (or jdbc:postgresql://…), migrated if needed.",
          "The password may instead come from $" + PASSWORD_VARIABLE + " or --db-password-file."})
  String location;

  @Option(names = "--db-password-file", paramLabel = "FILE",
      description = "PostgreSQL password in this file (first line), instead of the URL or $" + PASSWORD_VARIABLE)
  Path passwordFile;

  @Option(names = "--db-pool", paramLabel = "N", defaultValue = "" + Database.DEFAULT_POOL_SIZE,
      description = "PostgreSQL connections per hub process (default ${DEFAULT-VALUE}; see docs/deployment.md)")
  int poolSize;

  @Option(names = "--secrets", paramLabel = "FILE",
      description = {"the hub's secrets file (signing and hashing keys; created at first start).",
          "Default with SQLite: beside the database file. Required with PostgreSQL: secrets never go into the database."})
  Path secretsFile;

  /** Where the database is, with the password from the environment or a file when the URL has none. */
  DatabaseLocation location() {
    DatabaseLocation parsed = DatabaseLocation.parse(location);
    if (parsed instanceof DatabaseLocation.Postgres pg) {
      if (passwordFile != null) {
        return pg.withPassword(readPassword(passwordFile));
      }
      String fromEnvironment = System.getenv(PASSWORD_VARIABLE);
      if (pg.password().isEmpty() && fromEnvironment != null && !fromEnvironment.isEmpty()) {
        return pg.withPassword(fromEnvironment);
      }
    }
    return parsed;
  }

  /** The secrets file: {@code --secrets}, or beside a SQLite file. */
  Path secrets() {
    if (secretsFile != null) {
      return secretsFile;
    }
    if (location() instanceof DatabaseLocation.SqliteFile f) {
      return HubSecrets.fileFor(f.file());
    }
    throw new IllegalArgumentException("--secrets FILE is required with a PostgreSQL --db: the hub's keys are "
        + "kept in a file, never in the shared database (every hub process of one deployment uses the same file)");
  }

  HubApp open() {
    return HubApp.open(location(), secrets(), poolSize, Clock.systemUTC());
  }

  private static String readPassword(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      return (end < 0 ? text : text.substring(0, end)).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read --db-password-file " + file + ": " + e.getMessage(), e);
    }
  }
}
