package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;

/** The {@code --db FILE} every command takes; the secrets file lives beside it. */
final class DatabaseOption {
  @Option(names = "--db", required = true, paramLabel = "FILE",
      description = "SQLite database file (created and migrated if needed); its secrets live in FILE.secrets.json")
  Path file;

  HubApp open() {
    return HubApp.open(file, Clock.systemUTC());
  }
}
