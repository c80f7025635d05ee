package vn.giadinhso.kiosk.cli;

import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.outbox.Outbox;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.protocol.Uuid7;

/**
 * {@code quarantine}: the events the hub refused and this kiosk set aside (docs/protocol.md): one
 * line each with id, type, time, the hub's status and reason — not the payload, which may hold a
 * household code or a phone number. {@code --release} puts events back in the outbox, e.g. after
 * the hub was fixed to accept them.
 */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
        description = "List the events the hub refused (kept aside), or put them back in the outbox.")
final class QuarantineCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Kiosk data directory (default ~/.giadinhso/kiosk).")
    Path data;

    @Option(names = "--release", paramLabel = "EVENT_ID", split = ",",
            description = "Put these events back in the outbox (the kiosk must not be running).")
    List<String> release;

    @Option(names = "--release-all", description = "Put every quarantined event back in the outbox.")
    boolean releaseAll;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        KioskDataDir dir = new KioskDataDir(data == null ? KioskDataDir.defaultPath() : data);
        PrintWriter out = spec.commandLine().getOut();
        // The kiosk's own lock: a release must not race its sender.
        try (FileChannel channel = FileChannel.open(dir.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                spec.commandLine().getErr().println("quarantine: the kiosk is running on " + dir.path() + "; stop it first");
                return 1;
            }
            try (LocalDatabase db = LocalDatabase.open(dir.database())) {
                Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
                List<Outbox.Quarantined> all = outbox.quarantined();
                if (releaseAll || release != null) {
                    List<String> ids = releaseAll ? all.stream().map(q -> q.event().id()).toList() : release;
                    int moved = outbox.release(ids);
                    out.println(moved + " event(s) put back in the outbox; " + outbox.quarantineSize()
                            + " left in quarantine");
                    return moved == ids.size() ? 0 : 1;
                }
                for (Outbox.Quarantined q : all) {
                    out.println(q.event().id() + "  " + q.event().type() + "  " + q.event().at() + "  HTTP " + q.status()
                            + "  " + q.reason().replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+", " "));
                }
                out.println(all.size() + " event(s) in quarantine");
                return 0;
            }
        }
    }

    private static FileLock tryLock(FileChannel channel) throws java.io.IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return null; // held by a kiosk in this same JVM
        }
    }
}
