package vn.giadinhso.kiosk.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.giadinhso.kiosk.bench.DrainBenchmark;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.outbox.OutboxSender;

/**
 * {@code bench-drain}: a backlog made offline drained to a running hub by the kiosk's outbox
 * sender, as a ratio to the hub's plain ingest rate measured in the same run. The events go to
 * the hub for real (as the enrolled kiosk's {@code identified} scans of an unknown card), so run it
 * against a throw-away hub, e.g. one started on a scratch database with {@code demo-data}.
 */
@Command(name = "bench-drain", mixinStandardHelpOptions = true,
        description = "Benchmark draining an offline backlog against the hub's plain ingest rate.")
final class BenchDrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Kiosk data dir; enrolled with --code if it is not yet.")
    Path data;

    @Option(names = "--hub", paramLabel = "URL", description = "Hub address (with --code).")
    URI hub;

    @Option(names = "--code", paramLabel = "CODE", description = "Enrolment code, for a data dir not enrolled yet.")
    String code;

    @Option(names = "--events", defaultValue = "100000", description = "Backlog per round (default ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--rounds", defaultValue = "4", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "20000", description = "Events of an unprinted warm-up round (default ${DEFAULT-VALUE}; 0: none).")
    int warmup;

    @Option(names = "--senders", split = ",", paramLabel = "NxB",
            description = "Sender settings compared, batches in flight × events per batch (default: the kiosk's, "
                    + "then one 500-event batch at a time as before issue 13: 3x1000,1x500).")
    List<String> senders = List.of(OutboxSender.IN_FLIGHT + "x" + OutboxSender.MAX_BATCH, "1x500");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KioskDataDir dir = new KioskDataDir(data);
        if (!dir.enrolled()) {
            if (hub == null || code == null) {
                spec.commandLine().getErr().println("bench-drain: " + data + " is not enrolled; give --hub and --code");
                return 2;
            }
            if (!HubOption.acceptable(hub, spec)) {
                return HubOption.REFUSED;
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            dir.write(new Enroller(http).enrol(hub, code));
        }
        KioskIdentity kiosk = dir.require();
        Path work = Files.createDirectories(data.resolve("bench-drain"));
        new DrainBenchmark(kiosk, work, senders.stream().map(DrainBenchmark.Setting::parse).toList())
                .run(events, rounds, warmup, spec.commandLine().getOut());
        return 0;
    }
}
