package vn.giadinhso.kiosk.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.ui.DemoCardsFile;
import vn.giadinhso.kiosk.ui.KioskLauncher;
import vn.giadinhso.kiosk.ui.KioskSession;

/** {@code demo}: enrol (if not yet), then open the window with a panel of demo cards to "scan". */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Enrol at a demo hub if needed and open the kiosk window with demo cards.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR") Path data;
    @Option(names = "--hub", required = true, paramLabel = "URL") URI hub;
    @Option(names = "--code", paramLabel = "CODE", description = "Enrolment code (needed the first time).") String code;
    @Option(names = "--cards", required = true, paramLabel = "FILE", description = "The hub's demo cards JSON.") Path cards;
    @Option(names = "--staff-pin", defaultValue = "1234", paramLabel = "PIN",
            description = "Presets the staff PIN of a demo kiosk that has none yet (a real kiosk chooses it at enrolment).")
    String staffPin;
    @Option(names = "--windowed", description = "A window instead of full screen.") boolean windowed;
    @Option(names = "--idle-seconds", defaultValue = "60", paramLabel = "N") int idleSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!HubOption.acceptable(hub, spec)) {
            return HubOption.REFUSED;
        }
        KioskDataDir dir = new KioskDataDir(data);
        // Without --code a new demo kiosk opens on the enrolment screen, as a real one does.
        if (!dir.enrolled() && code != null) {
            int enrolled = spec.commandLine().getParent().getSubcommands().get("enrol")
                    .execute("--data", data.toString(), "--hub", hub.toString(), "--code", code);
            if (enrolled != 0) {
                return enrolled;
            }
        }
        if (new StaffPinFile(dir.path()).read().hash() == null) {
            spec.commandLine().getOut().println("staff PIN for the demo: " + staffPin);
        } else {
            spec.commandLine().getOut().println("staff PIN: the one already set in " + dir.path());
        }
        spec.commandLine().getOut().flush();
        KioskSettings settings = new KioskSettings(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(5));
        return KioskLauncher.launch(new KioskLauncher.Options(data, settings, Duration.ofSeconds(Math.max(5, idleSeconds)),
                !windowed, null, null, hub, staffPin, DemoCardsFile.read(cards, 12),
                KioskSession.fromEnvironment(System.getenv())));
    }
}
