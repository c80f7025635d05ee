package vn.giadinhso.hub.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.retention.CommuneRetention;
import vn.giadinhso.hub.retention.RetentionPolicy;
import vn.giadinhso.hub.retention.RetentionRun;

@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {"Personal data past its retention period (docs/privacy.md \"Retention\"): support requests'",
        "phone numbers, attendance rows' links to people, the event log's personal fields. Counts stay.",
        "  run    remove it now (serve does it daily); one audit-log entry with how much went.",
        "         Give the same --retention-* periods as serve.",
        "  show   the periods each commune has (its own, or the hub's defaults).",
        "  set    --commune C with --support-days/--attendance-days/--event-days: the commune's own periods",
        "         (a kind not given is the hub's default); audited.",
        "  clear  --commune C: back to the hub's defaults."})
final class RetentionCommand extends HubSubcommand implements Callable<Integer> {
  private static final String OPERATOR = "cli:retention";

  @Parameters(index = "0", paramLabel = "run|show|set|clear", description = "what to do")
  String action;

  @Mixin DatabaseOption db;
  @Mixin RetentionOptions periods;

  @Option(names = "--dry-run", description = "run: only count what would go; change nothing, write no audit entry")
  boolean dryRun;

  @Option(names = "--commune", paramLabel = "ID", description = "set/clear: the commune")
  String commune;

  @Option(names = "--support-days", paramLabel = "DAYS", description = "set: the commune's period for support phones")
  Integer supportDays;

  @Option(names = "--attendance-days", paramLabel = "DAYS", description = "set: the commune's period for attendance")
  Integer attendanceDays;

  @Option(names = "--event-days", paramLabel = "DAYS", description = "set: the commune's period for event fields")
  Integer eventDays;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      switch (action) {
        case "run" -> {
          RetentionRun run = hub.retention.run(periods.policy(), dryRun);
          out().println(run.detail(hub.retention.periods(periods.policy())));
        }
        case "show" -> show(hub);
        case "set" -> {
          CommuneRetention.Periods own = new CommuneRetention.Periods(supportDays, attendanceDays, eventDays);
          if (own.supportPhoneDays() == null && own.attendanceDays() == null && own.eventFieldsDays() == null) {
            throw new IllegalArgumentException("set needs at least one of --support-days, --attendance-days, "
                + "--event-days; `retention clear --commune " + commune() + "` gives back the hub's defaults");
          }
          hub.communeRetention.set(commune(), own, OPERATOR);
          show(hub);
        }
        case "clear" -> {
          hub.communeRetention.set(commune(), new CommuneRetention.Periods(null, null, null), OPERATOR);
          show(hub);
        }
        default -> throw new IllegalArgumentException("unknown action " + action + ": use run, show, set or clear");
      }
      return 0;
    }
  }

  private String commune() {
    if (commune == null || commune.isBlank()) {
      throw new IllegalArgumentException(action + " needs --commune ID");
    }
    return commune.strip();
  }

  private void show(HubApp hub) {
    out().println("hub default: " + periods.policy());
    for (Map.Entry<String, RetentionPolicy> own : hub.communeRetention.policies(periods.policy()).entrySet()) {
      out().println(own.getKey() + ": " + own.getValue());
    }
  }
}
