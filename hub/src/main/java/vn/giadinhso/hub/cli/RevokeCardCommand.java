package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;

@Command(name = "revoke-card",
    description = "Revoke a household's QR cards issued so far (a lost card): kiosks refuse them after their next "
        + "sync; a card printed afterwards carries a later serial and works.")
final class RevokeCardCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--household", required = true, paramLabel = "CODE")
  String code;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      String commune = hub.households.find(code)
          .orElseThrow(() -> new IllegalArgumentException("no household with code " + code))
          .household().communeId();
      int through = hub.cards.revoke(code);
      hub.audit.record("command line", commune, "card.revoked", code, "serials up to " + through);
      out().println("revoked the cards of " + code + " (serials up to " + through + "); print a new card: it carries serial "
          + (through + 1));
      return 0;
    }
  }
}
