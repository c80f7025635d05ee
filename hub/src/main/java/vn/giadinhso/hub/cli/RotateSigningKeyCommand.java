package vn.giadinhso.hub.cli;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.identity.SigningKeys;

@Command(name = "rotate-signing-key",
    description = "Make a new household-QR signing key current; cards signed by the old key stay valid until "
        + "--old-valid-until. Restart serve afterwards; kiosks get the new key list at their next sync.")
final class RotateSigningKeyCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--old-valid-until", required = true, paramLabel = "YYYY-MM-DD",
      description = "last day on which kiosks accept cards signed by the key that is current now")
  LocalDate oldValidUntil;

  @Override
  public Integer call() {
    var file = db.secrets();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no secrets file " + file + "; is --db the hub's database?");
    }
    SigningKeys keys = HubSecrets.rotateSigningKey(file, oldValidUntil);
    out().println("signing key " + keys.current().keyId() + " is now current; cards signed by earlier keys stay valid"
        + " until " + oldValidUntil + " (or the date set at an earlier rotation)");
    out().println("restart the hub (serve) so new cards are signed with it; kiosks get the key list at their next sync");
    return 0;
  }
}
