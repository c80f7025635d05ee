package vn.giadinhso.hub.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.identity.MemberKeyRotation;

@Command(name = "rotate-hash-key", description = "Give a commune's member-ID hashes a new key version "
    + "(e.g. after a kiosk was stolen): re-keys the roster, events and attendance in one transaction; "
    + "the commune's kiosks get the new key on their next sync, without re-enrolment.")
final class RotateHashKeyCommand extends HubSubcommand implements Callable<Integer> {
  @Mixin DatabaseOption db;

  @Option(names = "--commune", required = true, paramLabel = "ID")
  String commune;

  @Override
  public Integer call() {
    try (HubApp hub = db.open()) {
      MemberKeyRotation.Result r = new MemberKeyRotation(hub.db, hub.secrets).rotate(commune);
      out().printf("commune %s: member key version %d → %d; re-keyed %d members, %d events, %d attendance rows;"
          + " its kiosks get the new key on their next sync%n", commune, r.fromVersion(), r.toVersion(), r.members(),
          r.events(), r.attendanceRows());
      return 0;
    }
  }
}
