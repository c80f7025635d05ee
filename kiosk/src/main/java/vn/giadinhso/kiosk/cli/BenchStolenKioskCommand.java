package vn.giadinhso.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.bench.StolenKioskAttack;
import vn.giadinhso.kiosk.bench.SyntheticKioskDir;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;
import vn.giadinhso.protocol.MemberSeal;

/**
 * {@code bench-stolen-kiosk}: builds a kiosk data directory with a synced commune roster of
 * synthetic ID numbers, then plays the attacker who stole it (docs/privacy.md, "Threat model"):
 * the cost of one guess on one core, the core-seconds for every candidate of one province and
 * birth year, and how many ID numbers stay equally plausible for each stored entry. Then times
 * the kiosk's own scan-to-answer against the card's wire time.
 */
@Command(name = "bench-stolen-kiosk", mixinStandardHelpOptions = true,
        description = "Measure what a stolen kiosk data directory gives up, and the scan time it costs.")
final class BenchStolenKioskCommand implements Callable<Integer> {

    /** A CCCD QR's bytes at 9,600 baud, 8N1: the time the card itself takes to arrive (~120 ms). */
    private static final double BAUD = 9600;

    @Option(names = "--members", defaultValue = "3000", description = "Roster members (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--province", defaultValue = "052", description = "Province code of every ID (default ${DEFAULT-VALUE}).")
    String province;

    @Option(names = "--years", split = ",", defaultValue = "1984,1985,1986",
            description = "Birth years (default ${DEFAULT-VALUE}).")
    int[] years;

    @Option(names = "--scans", defaultValue = "300", description = "Timed scans (default ${DEFAULT-VALUE}).")
    int scans;

    @Option(names = "--data", paramLabel = "DIR", description = "Keep the built data dir here (default: a temporary one, deleted).")
    Path data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dirPath = data != null ? data : Files.createTempDirectory("stolen-kiosk");
        try {
            SyntheticKioskDir kiosk = SyntheticKioskDir.build(dirPath, members, province, years, 20261130L);
            List<SyntheticKioskDir.Person> people = kiosk.people();
            StolenKioskAttack attack = new StolenKioskAttack(dirPath);
            out.printf("kiosk data dir: %d roster entries (member: key_version, id_tag 14 bits, name_key); "
                    + "files holding a 64-hex string: %s%n", attack.entries().size(),
                    StolenKioskAttack.filesWithHex64(dirPath).isEmpty() ? "none" : StolenKioskAttack.filesWithHex64(dirPath));
            out.flush();

            // The attacker, one core: every candidate of each (province, sex, birth year) prefix on the roster.
            Map<String, int[]> countsByPrefix = new LinkedHashMap<>();
            long nanos = 0;
            for (String prefix : people.stream().map(SyntheticKioskDir.Person::prefix).distinct().sorted().toList()) {
                long[] took = new long[1];
                countsByPrefix.put(prefix, attack.tagCounts(prefix, took));
                nanos += took[0];
            }
            double perGuess = (double) nanos / (countsByPrefix.size() * (double) StolenKioskAttack.CANDIDATES);
            out.printf("attacker, one core: %.0f ns per guess; %.2f core-seconds for all 10^6 candidates of one"
                    + " (province, sex, birth year); %d prefixes tried%n", perGuess,
                    perGuess * StolenKioskAttack.CANDIDATES / 1e9, countsByPrefix.size());

            // Plausible ID numbers per stored entry: candidates of the holder's prefix with the entry's tag.
            int[] plausible = new int[people.size()];
            for (int i = 0; i < people.size(); i++) {
                plausible[i] = countsByPrefix.get(people.get(i).prefix())[attack.entries().get(i).tag()];
            }
            int[] sorted = plausible.clone();
            Arrays.sort(sorted);
            long singledOut = Arrays.stream(plausible).filter(n -> n < 16).count();
            out.printf("plausible ID numbers per stored entry (attacker knows province, sex and birth year):"
                    + " min %d, median %d, max %d; entries under 16: %d (required: 0)%n",
                    sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], singledOut);
            out.flush();

            // The kiosk's own scan → roster answer (outbox write with fsync and sealing included).
            try (KioskApp app = KioskApp.open(kiosk.dir(), new KioskSettings(Duration.ofHours(1), Duration.ofHours(1),
                    Duration.ofSeconds(1)), Clock.systemUTC())) {
                Random random = new Random(7);
                long[] times = new long[scans + 1];
                int found = 0;
                int ambiguous = 0;
                int bytes = 0;
                String sealed = null;
                for (int i = 0; i <= scans; i++) {
                    SyntheticKioskDir.Person p = people.get(random.nextInt(people.size()));
                    String payload = cccdQr(p);
                    bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    long start = System.nanoTime();
                    ScanOutcome scan = app.scan(payload);
                    times[i] = System.nanoTime() - start;
                    found += scan.result() == ScanResult.FOUND ? 1 : 0;
                    ambiguous += scan.result() == ScanResult.AMBIGUOUS ? 1 : 0;
                    sealed = scan.lookup().memberSealed();
                }
                MemberSeal.open(kiosk.hubSealing(), sealed); // the hub can open what the kiosk sealed
                long[] cardTimes = new long[scans];
                for (int i = 0; i < scans; i++) {
                    SyntheticKioskDir.Person p = people.get(random.nextInt(people.size()));
                    long start = System.nanoTime();
                    app.memberKeys.card(p.idNumber(), p.fullName());
                    cardTimes[i] = System.nanoTime() - start;
                }
                Arrays.sort(cardTimes);
                long[] warm = Arrays.copyOfRange(times, 1, times.length);
                Arrays.sort(warm);
                double wireMs = bytes * 10 / BAUD * 1000;
                out.printf("kiosk scan → roster answer (%d scans): first %.1f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
                        + " wire time of a %d-byte CCCD QR at 9600 baud: %.0f ms; found %d, asked for the household"
                        + " card %d%n", scans + 1, times[0] / 1e6, warm[warm.length / 2] / 1e6,
                        warm[(int) (warm.length * 0.99)] / 1e6, warm[warm.length - 1] / 1e6, bytes, wireMs, found,
                        ambiguous);
                out.printf("  of which hashing + tagging + sealing one card: p50 %.3f ms, p99 %.3f ms%n",
                        cardTimes[scans / 2] / 1e6, cardTimes[(int) (scans * 0.99)] / 1e6);
            }
            out.flush();
            return 0;
        } finally {
            if (data == null) {
                try (Stream<Path> files = Files.walk(dirPath)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    private static String cccdQr(SyntheticKioskDir.Person p) {
        boolean female = p.idNumber().charAt(3) == '1';
        String year = "19" + p.idNumber().substring(4, 6);
        return p.idNumber() + "||" + p.fullName() + "|1503" + year + "|" + (female ? "Nữ" : "Nam")
                + "|Thôn Tân Thành, xã Ân Tường, tỉnh Gia Lai|20042021";
    }
}
