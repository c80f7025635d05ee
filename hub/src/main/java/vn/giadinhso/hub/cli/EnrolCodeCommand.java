package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;

@Command(name = "enrol-code", description = "Print a new single-use code (valid 14 days) for enrolling one kiosk at a support point.")
final class EnrolCodeCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--point", required = true, description = "support point id")
  String point;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      out().println(hub.kiosks.newEnrolmentCode(point));
      return 0;
    }
  }
}
