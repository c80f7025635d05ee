package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;

@Command(name = "revoke-kiosk", description = "Revoke a kiosk's token (a lost or stolen kiosk): its requests get 401 from now on.")
final class RevokeKioskCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--kiosk", required = true, paramLabel = "ID")
  String kiosk;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      if (hub.kiosks.status(kiosk).isEmpty()) {
        throw new IllegalArgumentException("no kiosk " + kiosk);
      }
      hub.kiosks.revoke(kiosk);
      out().println("revoked " + kiosk);
      return 0;
    }
  }
}
