package vn.giadinhso.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.bench.ReportBenchmark;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.storage.DatabaseLocation;

@Command(name = "bench-reports", description = {
    "Benchmark: builds a hub database with N households and M events (events through the ingest INSERT",
    "and its triggers), then times the commune report and its CSV/XLSX exports (p50/max) beside a",
    "trivial query and the raw event-scan rate measured in the same run, and the province roll-up of",
    "all its communes (--communes)."})
final class BenchReportsCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--communes", defaultValue = "1",
      description = "communes of one province; households are dealt to them in turn (default ${DEFAULT-VALUE})")
  int communes;

  @Option(names = "--households", defaultValue = "1000000", description = "households (default ${DEFAULT-VALUE})")
  int households;

  @Option(names = "--events", defaultValue = "10000000", description = "events (default ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--villages", defaultValue = "40", description = "villages per commune (default ${DEFAULT-VALUE})")
  int villages;

  @Option(names = "--points", defaultValue = "10", description = "support points, 2 kiosks each (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--runs", defaultValue = "9", description = "timed runs after 2 warm-ups (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--full-scan", description = "also time counting lesson.completed by scanning the whole log")
  boolean fullScan;

  @Option(names = "--db", paramLabel = "FILE|URL",
      description = {"where to build the database, kept: a new SQLite file, or an empty PostgreSQL database",
          "(postgresql://user@host:5432/db, with --secrets). Default: a temporary SQLite file, deleted afterwards"})
  String db;

  @Option(names = "--secrets", paramLabel = "FILE",
      description = "the hub's secrets file, required with a PostgreSQL --db (created at the first run, kept for --measure-only)")
  Path secrets;

  @Option(names = "--measure-only", description = "only measure, on a database built earlier with --db FILE")
  boolean measureOnly;

  @Override
  public Integer call() throws Exception {
    if (communes < 1 || households < communes || events < 0 || villages < 1 || points < communes || runs < 1) {
      throw new IllegalArgumentException("communes, households, villages, points and runs must be positive, events >= 0, "
          + "at least one household and one support point per commune");
    }
    ReportBenchmark bench = new ReportBenchmark(communes, households, events, villages, points, runs, fullScan, out());
    if (db != null) {
      DatabaseLocation location = DatabaseLocation.parse(db);
      if (location instanceof DatabaseLocation.Postgres) {
        location = BenchDatabase.postgresOrNull(db);
        if (secrets == null) {
          throw new IllegalArgumentException("--secrets FILE is required with a PostgreSQL --db");
        }
      }
      Path secretsFile = secrets != null ? secrets
          : HubSecrets.fileFor(((DatabaseLocation.SqliteFile) location).file());
      if (measureOnly) {
        bench.measureOnly(location, secretsFile);
      } else {
        bench.run(location, secretsFile);
      }
      return 0;
    }
    if (measureOnly) {
      throw new IllegalArgumentException("--measure-only needs --db FILE|URL");
    }
    Path dir = Files.createTempDirectory("gds-bench-reports");
    try {
      Path file = dir.resolve("hub.db");
      bench.run(new DatabaseLocation.SqliteFile(file), HubSecrets.fileFor(file));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
