package vn.giadinhso.hub.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.demo.DemoData;
import vn.giadinhso.hub.household.QrImage;
import vn.giadinhso.hub.household.StoredHousehold;

@Command(name = "household-qr", description = "Print a household's signed QR payload; with --png also write the QR image.")
final class HouseholdQrCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--household", required = true, paramLabel = "CODE")
  String code;

  @Option(names = "--png", paramLabel = "FILE")
  Path png;

  @Override
  public Integer call() throws Exception {
    try (HubApp hub = db.open()) {
      StoredHousehold household = hub.households.find(code)
          .orElseThrow(() -> new IllegalArgumentException("no household with code " + code));
      String payload = hub.cards.payload(household.household().communeId(), code,
          LocalDate.now(hub.clock.withZone(DemoData.VIETNAM)));
      out().println(payload);
      if (png != null) {
        QrImage.writePng(payload, png, 600);
      }
      return 0;
    }
  }
}
