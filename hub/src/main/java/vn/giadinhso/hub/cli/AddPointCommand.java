package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.schedule.SupportPoint;

@Command(name = "add-point", description = "Create or update a digital support point of a commune.")
final class AddPointCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--id", required = true, description = "a-z 0-9 -, e.g. an-tuong-nvh-tan-thanh")
  String id;

  @Option(names = "--commune", required = true)
  String commune;

  @Option(names = "--name", required = true)
  String name;

  @Option(names = "--place", required = true)
  String place;

  @Option(names = "--min-sessions", defaultValue = "3", description = "sessions required per month (default ${DEFAULT-VALUE})")
  int minSessions;

  @Option(names = "--mobile", description = "a mobile point (điểm lưu động): each session names its own place")
  boolean mobile;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      if (hub.criteria.active(commune).isEmpty()) {
        throw new IllegalArgumentException("unknown commune " + commune + "; load its criteria set first (import-criteria)");
      }
      hub.schedule.savePoint(new SupportPoint(id, commune, name, place, minSessions, "", null, mobile));
      out().println("saved " + (mobile ? "mobile " : "") + "support point " + id);
      return 0;
    }
  }
}
