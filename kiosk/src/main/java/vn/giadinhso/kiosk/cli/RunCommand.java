package vn.giadinhso.kiosk.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.ChannelOpener;
import vn.giadinhso.kiosk.hardware.FrameDecoder;
import vn.giadinhso.kiosk.hardware.HardwareProfile;
import vn.giadinhso.kiosk.hardware.HardwareProfileReader;
import vn.giadinhso.kiosk.hardware.SerialChannelOpener;
import vn.giadinhso.kiosk.hardware.SimulatedReader;
import vn.giadinhso.kiosk.hardware.SupervisedReader;
import vn.giadinhso.kiosk.hardware.Transport;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.ui.KioskLauncher;
import vn.giadinhso.kiosk.ui.KioskSession;

/**
 * {@code run}: the kiosk. With {@code --headless} everything but the screen: payloads from a
 * reader or stdin → identification → roster → outbox → hub, one JSON line per scan on stdout,
 * printed only once the event is durable. Without it, the touchscreen window.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the kiosk (window, or --headless).")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory (default ~/.giadinhso/kiosk).")
    Path data;

    @Option(names = "--headless", description = "No window: print one JSON line per scan.")
    boolean headless;

    @Option(names = "--profile", paramLabel = "FILE", description = "Hardware profile JSON of the reader.")
    Path profileFile;

    @Option(names = "--port", paramLabel = "PATH", description = "Serial port path, overriding the profile's.")
    String port;

    @Option(names = "--stdin", description = "Read payloads from stdin, one per line (instead of a reader).")
    boolean stdin;

    @Option(names = "--sync-seconds", paramLabel = "N", defaultValue = "30", description = "Sync every N seconds.")
    int syncSeconds;

    @Option(names = "--idle-seconds", paramLabel = "N", defaultValue = "60",
            description = "Window: seconds without a touch before the idle countdown.")
    int idleSeconds;

    @Option(names = "--hub", paramLabel = "URL",
            description = "Window, not enrolled yet: prefills the hub address on the enrolment screen.")
    URI hub;

    @Option(names = "--windowed", description = "Window: do not go full screen (development).")
    boolean windowed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (hub != null && !HubOption.acceptable(hub, spec)) {
            return HubOption.REFUSED;
        }
        KioskDataDir dir = new KioskDataDir(data == null ? KioskDataDir.defaultPath() : data);
        KioskSettings settings = new KioskSettings(Duration.ofSeconds(Math.max(1, syncSeconds)),
                KioskSettings.defaults().heartbeatEvery(), KioskSettings.defaults().sendRetryCap());
        if (!headless) {
            return KioskLauncher.launch(new KioskLauncher.Options(dir.path(), settings,
                    Duration.ofSeconds(Math.max(5, idleSeconds)), !windowed, profileFile, port, hub, null, List.of(),
                    KioskSession.fromEnvironment(System.getenv())));
        }
        if (stdin == (profileFile != null)) {
            spec.commandLine().getErr().println("run --headless: give exactly one of --stdin or --profile FILE");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanLine lines = new ScanLine();
        try (KioskLog log = KioskLog.writeTo(dir.path());
             KioskApp app = KioskApp.open(dir, settings, Clock.systemUTC())) {
            app.hubRefusal().ifPresent(reason -> {
                err.println("run: " + reason);
                err.flush();
            });
            app.start();
            if (stdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        print(out, lines, app.scan(line));
                    }
                }
                // End of input: hand everything to the hub before leaving, if it is there.
                if (!app.sender.awaitEmpty(Duration.ofSeconds(30))) {
                    err.println("run: " + app.outbox.backlog() + " events still waiting for the hub; they are kept");
                }
                return 0;
            }
            HardwareProfile profile = new HardwareProfileReader().read(profileFile);
            FrameDecoder decoder = new FrameDecoder(profile, app.classifier);
            ChannelOpener opener;
            if (profile.transport() == Transport.SIMULATED) {
                SimulatedReader simulated = new SimulatedReader(profile.id());
                simulated.pumpFrom(System.in);
                opener = simulated;
            } else {
                opener = new SerialChannelOpener(profile, Optional.ofNullable(port));
            }
            try (SupervisedReader reader = new SupervisedReader(profile.id(), opener, profile.framing(),
                    frame -> print(out, lines, app.scans.scan(decoder.decode(frame))))) {
                reader.addStateListener(app::readerChanged);
                reader.start();
                while (!reader.awaitEnd(Duration.ofHours(1))) {
                    // A serial reader runs until the process is stopped.
                }
            }
            app.sender.awaitEmpty(Duration.ofSeconds(30));
            return 0;
        }
    }

    private static void print(PrintWriter out, ScanLine lines, ScanOutcome scan) {
        synchronized (out) {
            out.println(lines.line(scan));
            out.flush();
        }
    }
}
