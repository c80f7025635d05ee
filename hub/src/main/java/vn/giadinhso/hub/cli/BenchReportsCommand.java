package vn.giadinhso.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.bench.ReportBenchmark;

@Command(name = "bench-reports", description = {
    "Benchmark: builds a hub database with N households and M events (events through the ingest INSERT",
    "and its triggers), then times the commune report and its CSV/XLSX exports (p50/max) beside a",
    "trivial query and the raw event-scan rate measured in the same run."})
final class BenchReportsCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--households", defaultValue = "1000000", description = "households (default ${DEFAULT-VALUE})")
  int households;

  @Option(names = "--events", defaultValue = "10000000", description = "events (default ${DEFAULT-VALUE})")
  long events;

  @Option(names = "--villages", defaultValue = "40", description = "villages (default ${DEFAULT-VALUE})")
  int villages;

  @Option(names = "--points", defaultValue = "10", description = "support points, 2 kiosks each (default ${DEFAULT-VALUE})")
  int points;

  @Option(names = "--runs", defaultValue = "9", description = "timed runs after 2 warm-ups (default ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--full-scan", description = "also time counting lesson.completed by scanning the whole log")
  boolean fullScan;

  @Option(names = "--db", paramLabel = "FILE",
      description = "where to build the database (a new file; kept). Default: a temporary file, deleted afterwards")
  Path db;

  @Option(names = "--measure-only", description = "only measure, on a database built earlier with --db FILE")
  boolean measureOnly;

  @Override
  public Integer call() throws Exception {
    if (households < 1 || events < 0 || villages < 1 || points < 1 || runs < 1) {
      throw new IllegalArgumentException("households, villages, points and runs must be positive, events >= 0");
    }
    ReportBenchmark bench = new ReportBenchmark(households, events, villages, points, runs, fullScan, out());
    if (measureOnly) {
      if (db == null) {
        throw new IllegalArgumentException("--measure-only needs --db FILE");
      }
      bench.measureOnly(db);
      return 0;
    }
    if (db != null) {
      bench.run(db);
      return 0;
    }
    Path dir = Files.createTempDirectory("gds-bench-reports");
    try {
      bench.run(dir.resolve("hub.db"));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
