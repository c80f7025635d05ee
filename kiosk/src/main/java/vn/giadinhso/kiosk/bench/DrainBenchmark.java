package vn.giadinhso.kiosk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.outbox.Outbox;
import vn.giadinhso.kiosk.outbox.OutboxSender;
import vn.giadinhso.kiosk.outbox.RetryDelay;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.sync.HubConnection;
import vn.giadinhso.kiosk.sync.KioskReport;
import vn.giadinhso.protocol.EventTypes;
import vn.giadinhso.protocol.Uuid7;

/**
 * How fast a backlog made offline reaches the hub once it answers, against the hub's own ingest
 * rate in the same run: the same number of events of the same kind posted straight to the hub by
 * a plain HTTP client from bodies built in memory beforehand (no outbox, no SQLite on the kiosk
 * side), with as many requests at once as the sender keeps in flight. While the kiosk drains, a
 * simulated reader records a scan every 20 ms through the outbox, as a resident's scan would be,
 * and the time each append takes is compared with the same appends before the drain.
 */
public final class DrainBenchmark {

    /** A scan as the outbox stores it: the payload of an {@code identified} event for an unknown card. */
    private static final String SCAN = "{\"method\":\"household_qr\",\"result\":\"NOT_FOUND\"}";
    private static final Duration SCAN_EVERY = Duration.ofMillis(20);

    /** How the sender is set: batches in flight at once and events per batch. */
    public record Setting(int inFlight, int batch) {
        /** "3x1000". */
        public static Setting parse(String text) {
            String[] parts = text.trim().split("x");
            return new Setting(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }

        @Override
        public String toString() {
            return inFlight + "×" + batch;
        }
    }

    /** One round's figures for one setting. */
    public record Round(Setting setting, double hubSeconds, double drainSeconds, int events, double[] idleAppendMs,
            double[] drainAppendMs) {
        public double hubRate() {
            return events / hubSeconds;
        }

        public double drainRate() {
            return events / drainSeconds;
        }
    }

    private final KioskIdentity kiosk;
    private final Path work;
    private final List<Setting> settings;
    private final int inFlight;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The plain client keeps as many requests at once as the first setting's sender. */
    public DrainBenchmark(KioskIdentity kiosk, Path work, List<Setting> settings) {
        this.kiosk = kiosk;
        this.work = work;
        this.settings = List.copyOf(settings);
        this.inFlight = settings.get(0).inFlight();
    }

    /** {@code rounds} measured rounds after one unprinted warm-up of {@code warmup} events. */
    public List<Round> run(int events, int rounds, int warmup, PrintWriter out) throws Exception {
        out.printf("bench-drain: %,d events a round; the hub's plain ingest by %d client(s) × %,d-event batches; "
                + "kiosk sender settings (in flight × batch): %s; hub %s%n", events, inFlight, OutboxSender.MAX_BATCH,
                settings, kiosk.hub());
        if (warmup > 0) {
            plainIngest(warmup);
            for (Setting setting : settings) {
                drain(warmup, setting, 0);
            }
        }
        List<Round> all = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            // The plain baseline first, then each setting, in turn reversed every other round, so a
            // hub database growing through the run (and a busy machine) weighs on all of them.
            double hub = plainIngest(events);
            List<Setting> order = new ArrayList<>(settings);
            if (r % 2 == 0) {
                java.util.Collections.reverse(order);
            }
            for (Setting setting : order) {
                Drained d = drain(events, setting, r);
                Round round = new Round(setting, hub, d.seconds(), events, d.idleAppendMs(), d.drainAppendMs());
                all.add(round);
                out.printf("round %d %-8s hub plain %,7.0f ev/s; drain %,7.0f ev/s (%.2f s); drain/hub %.2f (target ≥ 0.50);"
                        + " 100,000 in %.2f s (target ≤ 5); scans meanwhile %d, append p50 %.1f ms max %.1f ms "
                        + "(before: p50 %.1f ms max %.1f ms)%n", r, setting, round.hubRate(), round.drainRate(),
                        d.seconds(), round.drainRate() / round.hubRate(), 100_000 / round.drainRate(),
                        d.drainAppendMs().length, percentile(d.drainAppendMs(), 50), percentile(d.drainAppendMs(), 100),
                        percentile(d.idleAppendMs(), 50), percentile(d.idleAppendMs(), 100));
            }
        }
        for (Setting setting : settings) {
            List<Round> mine = all.stream().filter(x -> x.setting().equals(setting)).toList();
            double[] ratios = mine.stream().mapToDouble(x -> x.drainRate() / x.hubRate()).sorted().toArray();
            double[] seconds = mine.stream().mapToDouble(x -> 100_000 / x.drainRate()).sorted().toArray();
            out.printf("summary %-8s drain/hub median %.2f (min %.2f, max %.2f); 100,000 events drain in %.2f s (median)%n",
                    setting, percentile(ratios, 50), ratios[0], ratios[ratios.length - 1], percentile(seconds, 50));
        }
        out.flush();
        return all;
    }

    private record Drained(double seconds, double[] idleAppendMs, double[] drainAppendMs) {
    }

    /** Seconds for the hub to take {@code events} posted straight to it. */
    private double plainIngest(int events) throws Exception {
        Uuid7 ids = new Uuid7(Clock.systemUTC());
        String at = Clock.systemUTC().instant().toString();
        List<byte[]> bodies = new ArrayList<>();
        for (int done = 0; done < events; done += OutboxSender.MAX_BATCH) {
            StringBuilder b = new StringBuilder("{\"events\":[");
            int n = Math.min(OutboxSender.MAX_BATCH, events - done);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append("{\"id\":\"").append(ids.next()).append("\",\"type\":\"").append(EventTypes.IDENTIFIED)
                        .append("\",\"at\":\"").append(at).append("\",\"payload\":").append(SCAN).append('}');
            }
            bodies.add(b.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        try {
            long t0 = System.nanoTime();
            List<Future<Integer>> replies = new ArrayList<>();
            for (byte[] body : bodies) {
                replies.add(pool.submit(() -> post(body)));
            }
            for (Future<Integer> f : replies) {
                int status = f.get();
                if (status != 200) {
                    throw new IOException("the hub answered HTTP " + status + " to a plain batch");
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private int post(byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(kiosk.hub().resolve("/api/v1/kiosks/" + kiosk.kioskId() + "/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + kiosk.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A fresh outbox holding {@code events} scans made offline, then drained by the kiosk's own sender. */
    private Drained drain(int events, Setting setting, int round) throws Exception {
        Path dir = Files.createTempDirectory(work, "drain-" + round + "-");
        try (LocalDatabase db = LocalDatabase.open(dir.resolve("kiosk.db"))) {
            Clock clock = Clock.systemUTC();
            Outbox outbox = new Outbox(db, new Uuid7(clock), clock);
            long lastOffline = db.transaction(c -> {
                long last = 0;
                for (int i = 0; i < events; i++) {
                    outbox.append(c, EventTypes.IDENTIFIED, SCAN);
                }
                try (PreparedStatement s = c.prepareStatement("SELECT max(seq) FROM outbox");
                     ResultSet r = s.executeQuery()) {
                    last = r.next() ? r.getLong(1) : 0;
                }
                return last;
            });
            double[] idle = scansFor(outbox, new AtomicBoolean(true), 25);
            HubConnection hub = new HubConnection(kiosk, http, () -> new KioskReport("bench", 0, 0, "simulated"));
            AtomicBoolean draining = new AtomicBoolean(true);
            double seconds;
            double[] during;
            try (OutboxSender sender = new OutboxSender(outbox, hub,
                    new RetryDelay(Duration.ofMillis(50), Duration.ofSeconds(1)), clock, setting.inFlight(), setting.batch())) {
                ExecutorService reader = Executors.newSingleThreadExecutor();
                try {
                    long t0 = System.nanoTime();
                    sender.start();
                    Future<double[]> scans = reader.submit(() -> scansFor(outbox, draining, Integer.MAX_VALUE));
                    while (!drained(db, lastOffline)) {
                        Thread.sleep(5);
                        if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
                            throw new IOException("the backlog did not drain within 5 minutes");
                        }
                    }
                    seconds = (System.nanoTime() - t0) / 1e9;
                    draining.set(false);
                    during = scans.get();
                } finally {
                    reader.shutdownNow();
                }
                sender.awaitEmpty(Duration.ofSeconds(30));
            }
            return new Drained(seconds, idle, during);
        }
    }

    // The oldest row left, not a count: counting 100,000 rows every few milliseconds would hold the
    // kiosk's one database connection and slow the very drain it measures.
    private static boolean drained(LocalDatabase db, long lastSeq) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT min(seq) FROM outbox");
                 ResultSet r = s.executeQuery()) {
                long oldest = r.next() ? r.getLong(1) : 0;
                return r.wasNull() || oldest > lastSeq;
            }
        });
    }

    /** Appends a scan every 20 ms while {@code going} (at most {@code max}); each append's time in ms. */
    private static double[] scansFor(Outbox outbox, AtomicBoolean going, int max) throws InterruptedException {
        List<Double> times = new ArrayList<>();
        while (going.get() && times.size() < max) {
            long t0 = System.nanoTime();
            outbox.append(EventTypes.IDENTIFIED, SCAN);
            times.add((System.nanoTime() - t0) / 1e6);
            Thread.sleep(SCAN_EVERY.toMillis());
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
