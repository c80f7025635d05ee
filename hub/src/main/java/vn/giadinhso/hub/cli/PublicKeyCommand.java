package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.giadinhso.hub.HubApp;

@Command(name = "public-key", description = "Print the hub's public key (base64 X.509), as kiosks receive it at enrolment.")
final class PublicKeyCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      out().println(hub.secrets.publicKeyText());
      return 0;
    }
  }
}
