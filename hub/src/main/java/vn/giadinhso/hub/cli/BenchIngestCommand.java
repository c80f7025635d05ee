package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.bench.IngestBenchmark;
import vn.giadinhso.hub.storage.Database;

@Command(name = "bench-ingest", description = {
    "Benchmark: N simulated kiosks post events to the real HTTP endpoint of a throw-away hub; prints",
    "events/s beside the rate of the same rows inserted straight into a plain table (one primary key,",
    "nothing else) measured in the same run, on the same database, and their ratio."})
final class BenchIngestCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--kiosks", defaultValue = "8", description = "concurrent kiosks (default ${DEFAULT-VALUE})")
  int kiosks;

  @Option(names = "--kiosks-per-point", defaultValue = "2",
      description = "kiosks at each support point (default ${DEFAULT-VALUE}, as bench-reports; all at one point: --kiosks-per-point = --kiosks)")
  int kiosksPerPoint;

  @Option(names = "--events", defaultValue = "200000", description = "events in all (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--batch", defaultValue = "500", description = "events per request (default ${DEFAULT-VALUE}, at most 1000)")
  int batch;

  @Option(names = "--warmup", defaultValue = "4", description = "unmeasured rounds first (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--rounds", defaultValue = "5", description = "measured rounds; medians are compared (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--db", paramLabel = "URL",
      description = {"an empty PostgreSQL database to run on (postgresql://user@host:5432/db; password as for serve:",
          "in the URL or $" + DatabaseOption.PASSWORD_VARIABLE + "); the baseline table goes into it too.",
          "Default: SQLite, scratch files deleted afterwards"})
  String db;

  @Option(names = "--db-pool", defaultValue = "" + Database.DEFAULT_POOL_SIZE,
      description = "the hub's PostgreSQL connections (default ${DEFAULT-VALUE})")
  int poolSize;

  @Override
  public Integer call() throws Exception {
    if (batch < 1 || batch > 1000 || kiosks < 1 || kiosksPerPoint < 1 || events < 1 || rounds < 1 || warmup < 0) {
      throw new IllegalArgumentException("kiosks, events and rounds must be positive, batch 1-1000");
    }
    new IngestBenchmark(BenchDatabase.postgresOrNull(db), poolSize, kiosks, kiosksPerPoint, events, batch, warmup, rounds, out()).run();
    return 0;
  }
}
