package vn.giadinhso.kiosk.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The kiosk window measured from outside, as a reviewer would: launch → first frame of the welcome
 * screen (the line {@code bench: first-frame}, printed only under {@code -Dgiadinhso.bench=true})
 * and resident memory (VmRSS) once it is idle, beside a trivial JavaFX window launched the same
 * way; and a soak: the kiosk started once to sync, then restarted on that data and fed scans
 * through the simulated reader, memory sampled every 1,000.
 */
public final class WindowBenchmark {

    /**
     * A way to launch: JVM options, the kiosk or the trivial baseline window, and environment
     * variables of this process the child must not inherit (the launcher's tuning, for "before").
     */
    public record Variant(String name, List<String> jvmOptions, boolean kiosk, List<String> unsetEnv) {
        public Variant(String name, List<String> jvmOptions, boolean kiosk) {
            this(name, jvmOptions, kiosk, List.of());
        }

        String describe() {
            return unsetEnv.isEmpty() ? "" : "env without " + String.join(",", unsetEnv) + "; ";
        }
    }

    private final String java;
    private final Path jar;
    private final List<String> kioskArgs;
    private final Path work;
    private final PrintWriter out;

    /** {@code kioskArgs}: the kiosk command after the jar, e.g. {@code demo --data … --hub … --cards …}. */
    public WindowBenchmark(String java, Path jar, List<String> kioskArgs, Path work, PrintWriter out) {
        this.java = java;
        this.jar = jar;
        this.kioskArgs = List.copyOf(kioskArgs);
        this.work = work;
        this.out = out;
    }

    private LaunchedProcess launch(Variant v) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(v.jvmOptions());
        command.add("-Dgiadinhso.bench=true");
        if (v.kiosk()) {
            command.add("-jar");
            command.add(jar.toString());
            command.addAll(kioskArgs);
        } else {
            command.add("-cp");
            command.add(jar.toString());
            command.add("vn.giadinhso.kiosk.ui.BenchBaselineWindow");
        }
        return LaunchedProcess.start(command, v.unsetEnv(), work.resolve("bench-" + v.name() + ".err"));
    }

    /** Each variant {@code rounds} times, in turn (order reversed every other round). */
    public void startup(List<Variant> variants, int rounds, Duration settle) throws Exception {
        out.printf("bench-startup: launch → first frame, then resident memory after %d s idle; %d rounds%n",
                settle.toSeconds(), rounds);
        for (Variant v : variants) {
            out.printf("  %-9s %sjava %s%n", v.name(), v.describe(), String.join(" ", v.jvmOptions()) + (v.kiosk() ? " -jar … " + String.join(" ", kioskArgs) : " (one label)"));
        }
        List<List<double[]>> results = new ArrayList<>();
        variants.forEach(v -> results.add(new ArrayList<>()));
        for (int r = 1; r <= rounds; r++) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                order.add(i);
            }
            if (r % 2 == 0) {
                Collections.reverse(order);
            }
            for (int i : order) {
                Variant v = variants.get(i);
                try (LaunchedProcess p = launch(v)) {
                    double seconds = p.awaitLine("bench: first-frame", Duration.ofSeconds(90));
                    Thread.sleep(settle.toMillis());
                    double rss = p.rssMb();
                    results.get(i).add(new double[] {seconds, rss});
                    out.printf("round %d %-9s first frame %.2f s, RSS idle %.0f MB%n", r, v.name(), seconds, rss);
                    out.flush();
                }
            }
        }
        double baseTime = median(results.get(0), 0);
        double baseRss = median(results.get(0), 1);
        for (int i = 0; i < variants.size(); i++) {
            double t = median(results.get(i), 0);
            double m = median(results.get(i), 1);
            out.printf("summary %-9s first frame median %.2f s (×%.2f of %s), RSS idle median %.0f MB (×%.2f)%s%n",
                    variants.get(i).name(), t, t / baseTime, variants.get(0).name(), m, m / baseRss,
                    variants.get(i).kiosk() ? String.format("; targets: ≤ 2 s %s, ≤ 200 MB %s", t <= 2 ? "met" : "NOT met",
                            m <= 200 ? "met" : "NOT met") : "");
        }
        out.flush();
    }

    /** {@code scans} scans of {@code payloads} in turn through the simulated reader, RSS every 1,000. */
    public void soak(Variant v, int scans, Duration every, List<String> payloads, Duration settle, boolean histogram)
            throws Exception {
        out.printf("bench-soak: %,d scans through the simulated reader, one every %d ms, %s: %sjava %s%n", scans,
                every.toMillis(), v.name(), v.describe(),
                String.join(" ", v.jvmOptions()));
        // A kiosk's first start syncs the demo (households, lesson and language packs): one-time work
        // whose memory stays in that process and moved its idle reading by ±10 MB from run to run,
        // so the ratio swung around 10 % on noise. The soak measures the kiosk as it runs after that
        // first day, restarted on synced data (as bench-startup's rounds after the first do).
        try (LaunchedProcess firstStart = launch(v)) {
            firstStart.awaitLine("bench: first-frame", Duration.ofSeconds(90));
            out.printf("first start (its first sync; memory steady): RSS %.0f MB; now restarted on the synced data%n",
                    steadyRss(firstStart));
            out.flush();
        }
        try (LaunchedProcess p = launch(v)) {
            double first = p.awaitLine("bench: first-frame", Duration.ofSeconds(90));
            Thread.sleep(settle.toMillis());
            double idle = p.rssMb();
            out.printf("first frame %.2f s; RSS idle %.0f MB%n", first, idle);
            out.flush();
            if (histogram) {
                histogram(p, "idle");
            }
            double max = idle;
            OutputStream in = p.stdin();
            int sent = 0;
            // One scan every {@code every}, as a queue of residents would (a real scan takes ~0.2 s on
            // the wire): a burst of 1,000 at once is handled without a pulse in between, and JavaFX
            // keeps every replaced screen until the next pulse, which measures the burst, not the kiosk.
            while (sent < scans) {
                in.write((payloads.get(sent % payloads.size()) + "\r\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                sent++;
                Thread.sleep(every.toMillis());
                if (sent % 1000 == 0 || sent == scans) {
                    if (sent % 1000 == 0) {
                        p.awaitLine("bench: frames", Duration.ofSeconds(300));
                    }
                    double rss = p.rssMb();
                    max = Math.max(max, rss);
                    out.printf("after %,6d scans: RSS %.0f MB (×%.2f of idle)%n", sent, rss, rss / idle);
                    out.flush();
                }
            }
            Thread.sleep(settle.toMillis());
            double end = p.rssMb();
            out.printf("summary: RSS idle %.0f MB, after the soak and %d s idle %.0f MB (×%.2f), highest %.0f MB (×%.2f); "
                    + "targets: idle ≤ 200 MB %s, within 10 %% %s%n", idle, settle.toSeconds(), end, end / idle, max,
                    max / idle, idle <= 200 ? "met" : "NOT met", max / idle <= 1.10 ? "met" : "NOT met");
            out.flush();
            if (histogram) {
                histogram(p, "after the soak");
            }
        }
    }

    /** RSS once it has moved less than 1 MB over 5 s (read twice a second; at most 2 min). */
    private static double steadyRss(LaunchedProcess p) throws IOException, InterruptedException {
        List<Double> last = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            last.add(p.rssMb());
            if (last.size() > 10) {
                last.remove(0);
                if (Collections.max(last) - Collections.min(last) < 1.0) {
                    break;
                }
            }
            Thread.sleep(500);
        }
        return last.get(last.size() - 1);
    }

    /**
     * The largest classes on the child's heap (jcmd's class histogram, which runs a full GC first:
     * taken after the RSS reading it would disturb), to see what holds memory.
     */
    private void histogram(LaunchedProcess p, String when) throws IOException, InterruptedException {
        Path jcmd = Path.of(java).resolveSibling("jcmd");
        Process h = new ProcessBuilder(jcmd.toString(), Long.toString(p.pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        List<String> lines = new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        h.waitFor();
        out.printf("class histogram %s (live objects after a full GC; RSS now %.0f MB):%n", when, p.rssMb());
        lines.stream().filter(l -> l.startsWith(" ")).limit(12).forEach(out::println);
        lines.stream().filter(l -> l.startsWith("Total")).forEach(out::println);
        out.flush();
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
