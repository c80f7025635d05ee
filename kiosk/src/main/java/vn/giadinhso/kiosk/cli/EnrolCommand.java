package vn.giadinhso.kiosk.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;

/** {@code enrol}: trade a one-time code from the hub for this kiosk's identity, stored in the data dir. */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Enrol this kiosk at a hub with a one-time enrolment code.")
final class EnrolCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory (default ~/.giadinhso/kiosk).")
    Path data;

    @Option(names = "--hub", required = true, paramLabel = "URL", description = "Hub address: https://…, or http:// only on this machine (localhost, 127.0.0.1, [::1]).")
    URI hub;

    @Option(names = "--code", required = true, paramLabel = "CODE", description = "Enrolment code XXXX-XXXX-XXXX.")
    String code;

    @Option(names = "--force", description = "Replace an existing enrolment in the data dir.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!HubOption.acceptable(hub, spec)) {
            return HubOption.REFUSED;
        }
        KioskDataDir dir = new KioskDataDir(data == null ? KioskDataDir.defaultPath() : data);
        if (dir.enrolled() && !force) {
            spec.commandLine().getErr().println("enrol: " + dir.path() + " is already enrolled as "
                    + dir.require().kioskId() + "; use --force to replace it");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        KioskIdentity id = new Enroller(http).enrol(hub, code);
        dir.write(id);
        spec.commandLine().getOut().println("enrolled kiosk " + id.kioskId() + " at support point " + id.supportPointId()
                + " (commune " + id.communeId() + "); data in " + dir.path());
        return 0;
    }
}
