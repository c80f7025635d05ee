package vn.giadinhso.kiosk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.hardware.ChannelOpener;
import vn.giadinhso.kiosk.hardware.FrameDecoder;
import vn.giadinhso.kiosk.hardware.HardwareProfile;
import vn.giadinhso.kiosk.hardware.HardwareProfileReader;
import vn.giadinhso.kiosk.hardware.ReaderState;
import vn.giadinhso.kiosk.hardware.SerialChannelOpener;
import vn.giadinhso.kiosk.hardware.SimulatedReader;
import vn.giadinhso.kiosk.hardware.SupervisedReader;
import vn.giadinhso.kiosk.hardware.Transport;
import vn.giadinhso.kiosk.identity.PayloadClassifier;

/**
 * {@code listen}: opens a reader and prints one JSON line per frame until stopped (Ctrl-C), or
 * for the simulated reader until stdin ends. Reader state changes go to stderr, so stdout stays
 * one JSON document per line.
 */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Open a reader and print one JSON line per frame until stopped.")
final class ListenCommand implements Callable<Integer> {

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "Hardware profile JSON.")
    Path profileFile;

    @Option(names = "--port", paramLabel = "PATH", description = "Serial port path, overriding the profile's.")
    String port;

    @Option(names = "--hub-key", paramLabel = "FILE",
            description = "File with the hub public key as printed by the hub's public-key command.")
    Path hubKey;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HardwareProfile profile = new HardwareProfileReader().read(profileFile);
        FrameDecoder decoder = new FrameDecoder(profile,
                new PayloadClassifier(HubKeyOption.load(hubKey), Clock.systemDefaultZone()));
        IdentificationJson json = new IdentificationJson();

        ChannelOpener opener;
        if (profile.transport() == Transport.SIMULATED) {
            SimulatedReader simulated = new SimulatedReader(profile.id());
            simulated.pumpFrom(System.in);
            opener = simulated;
        } else {
            opener = new SerialChannelOpener(profile, Optional.ofNullable(port));
        }
        SupervisedReader reader = new SupervisedReader(profile.id(), opener, profile.framing(), frame -> {
            String line = json.line(decoder.decode(frame));
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        reader.addStateListener(new StateReporter(err));
        Runtime.getRuntime().addShutdownHook(new Thread(reader::close, "listen-shutdown"));
        reader.start();
        while (!reader.awaitEnd(Duration.ofHours(1))) {
            // Serial readers run until the operator stops the command.
        }
        reader.close();
        out.flush();
        return 0;
    }

    /** Prints connection changes and new kinds of error, not every frame's state update. */
    private static final class StateReporter implements java.util.function.Consumer<ReaderState> {
        private final PrintWriter err;
        private ReaderState last;

        StateReporter(PrintWriter err) {
            this.err = err;
        }

        @Override
        public synchronized void accept(ReaderState s) {
            // A reader unplugged for an hour fails to reopen every 2 s; say so once, not 1,800 times.
            boolean changed = last == null || last.connected() != s.connected()
                    || !java.util.Objects.equals(last.lastError(), s.lastError());
            last = s;
            if (changed) {
                err.println("reader " + s.reader() + ": " + (s.connected() ? "connected " + s.port() : "disconnected")
                        + (s.lastError() == null ? "" : " (errors " + s.errorCount() + ", last: " + s.lastError() + ")"));
                err.flush();
            }
        }
    }
}
