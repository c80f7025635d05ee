package vn.giadinhso.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.bench.SearchBenchmark;

@Command(name = "bench-search", description = {
    "Benchmark: builds a SQLite hub database with N households in C communes, then times the household",
    "search (diacritic-insensitive) in one commune (p50/max) beside a primary-key lookup and the search as it",
    "was before issue 12, measured in the same run."})
final class BenchSearchCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--households", defaultValue = "1000000", description = "households (default ${DEFAULT-VALUE})")
  int households;

  @Option(names = "--communes", defaultValue = "100", description = "communes (default ${DEFAULT-VALUE})")
  int communes;

  @Option(names = "--runs", defaultValue = "15", description = "timed runs after 2 warm-ups (default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws Exception {
    if (households < communes || communes < 1 || runs < 1) {
      throw new IllegalArgumentException("communes and runs must be positive, households at least one per commune");
    }
    Path dir = Files.createTempDirectory("gds-bench-search");
    try {
      new SearchBenchmark(households, communes, runs, out()).run(dir.resolve("hub.db"));
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return 0;
  }
}
