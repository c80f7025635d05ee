package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.bench.TriggerCostBenchmark;

@Command(name = "bench-triggers", description = {
    "Benchmark: the ingest INSERT's rate with the dashboard's event triggers and, in the same run,",
    "with them dropped (scratch databases), for bench-ingest's events and for a kiosk mix."})
final class BenchTriggersCommand extends HubSubcommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "300000", description = "events per insert run (default ${DEFAULT-VALUE})")
  int events;

  @Option(names = "--rounds", defaultValue = "3", description = "rounds, alternating with and without (default ${DEFAULT-VALUE})")
  int rounds;

  @Override
  public Integer call() throws Exception {
    if (events < 1000 || rounds < 1) {
      throw new IllegalArgumentException("events at least 1000, rounds positive");
    }
    new TriggerCostBenchmark(events, rounds, out()).run();
    return 0;
  }
}
