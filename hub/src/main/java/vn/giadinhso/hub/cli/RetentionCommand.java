package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.retention.RetentionRun;

@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {"Remove personal data past its retention period now (serve does it daily): support requests'",
        "phone numbers, attendance rows' links to people, the event log's personal fields. Counts stay.",
        "Writes one audit-log entry with how much went. Give the same periods as serve."})
final class RetentionCommand extends HubSubcommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "run", description = "run")
  String action;

  @Mixin DatabaseOption db;
  @Mixin RetentionOptions periods;

  @Option(names = "--dry-run", description = "only count what would go; change nothing, write no audit entry")
  boolean dryRun;

  @Override
  public Integer call() {
    if (!action.equals("run")) {
      throw new IllegalArgumentException("unknown action " + action + ": use `retention run`");
    }
    try (HubApp hub = db.open()) {
      RetentionRun run = hub.retention.run(periods.policy(), dryRun);
      out().println(run.detail(periods.policy()));
      return 0;
    }
  }
}
