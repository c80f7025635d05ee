package vn.giadinhso.kiosk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import vn.giadinhso.kiosk.hardware.Frame;
import vn.giadinhso.kiosk.hardware.FrameAssembler;
import vn.giadinhso.kiosk.hardware.FrameDecoder;
import vn.giadinhso.kiosk.hardware.FramingMode;
import vn.giadinhso.kiosk.hardware.HardwareProfile;
import vn.giadinhso.kiosk.hardware.HardwareProfileReader;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.identity.PayloadKind;

/**
 * {@code bench}: how long identification takes (bytes in → result out, framing included) next to
 * how long the same bytes take to arrive over the wire at the profile's speed. The ratio says how
 * much of what the resident waits for is the kiosk and how much is the cable.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark identification time against wire time for a profile.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "Hardware profile JSON.")
    Path profileFile;

    @Option(names = "--iterations", defaultValue = "20000", description = "Measured runs per payload (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--warmup", defaultValue = "20000", description = "Unmeasured runs per payload first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HardwareProfile profile = new HardwareProfileReader().read(profileFile);
        SampleCards samples = new SampleCards();
        PayloadClassifier classifier = new PayloadClassifier(Optional.of(samples.hubKeys().getPublic()),
                Clock.systemDefaultZone());
        FrameDecoder decoder = new FrameDecoder(profile, classifier);

        out.printf("profile %s: %d baud, %d bits/byte on the wire, framing %s%n", profile.id(),
                profile.serial().baudRate(), profile.serial().bitsPerByte(), profile.framing().mode());
        out.printf("%-18s %6s %10s %10s %10s %11s %11s%n", "payload", "bytes", "wire ms", "p50 µs", "p99 µs",
                "p50/wire", "p99/wire");
        for (Map.Entry<PayloadKind, Map<String, String>> kind : samples.byKind().entrySet()) {
            if (!profile.payloadKinds().contains(kind.getKey())) {
                continue;
            }
            for (Map.Entry<String, String> sample : kind.getValue().entrySet()) {
                byte[] wire = wireBytes(profile, sample.getValue());
                long[] nanos = measure(profile, decoder, wire, kind.getKey());
                double wireMs = profile.serial().wireNanos(wire.length) / 1e6;
                double p50 = percentile(nanos, 50) / 1e3;
                double p99 = percentile(nanos, 99) / 1e3;
                out.printf("%-18s %6d %10.2f %10.1f %10.1f %11.5f %11.5f%n", sample.getKey(), wire.length, wireMs, p50,
                        p99, p50 / 1e3 / wireMs, p99 / 1e3 / wireMs);
            }
        }
        if (profile.framing().mode() == FramingMode.IDLE_GAP) {
            out.printf("note: IDLE_GAP framing also waits the idle gap (%d ms) after the last byte before a frame ends%n",
                    profile.framing().idleGapMs());
        }
        out.flush();
        return 0;
    }

    /** The bytes the reader would send for this payload, prefix, suffix and framing included. */
    static byte[] wireBytes(HardwareProfile profile, String payload) {
        String text = profile.framing().mode() == FramingMode.LINES ? payload.replace("\n", "\r\n") + "\r\n" : payload;
        byte[] body = text.getBytes(profile.charset());
        byte[] prefix = profile.stripPrefix();
        byte[] suffix = profile.stripSuffix();
        byte[] end = profile.framing().mode() == FramingMode.TERMINATOR ? profile.framing().terminator() : new byte[0];
        byte[] all = new byte[prefix.length + body.length + suffix.length + end.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        System.arraycopy(suffix, 0, all, prefix.length + body.length, suffix.length);
        System.arraycopy(end, 0, all, prefix.length + body.length + suffix.length, end.length);
        return all;
    }

    private long[] measure(HardwareProfile profile, FrameDecoder decoder, byte[] wire, PayloadKind expected) {
        FrameAssembler assembler = new FrameAssembler(profile.framing());
        long gap = profile.framing().idleGapMs() * 1_000_000L;
        long fakeNow = 0;
        long[] nanos = new long[iterations];
        for (int i = -warmup; i < iterations; i++) {
            fakeNow += gap + 1_000_000_000L;
            long start = System.nanoTime();
            List<Frame> frames = new ArrayList<>(assembler.accept(wire, fakeNow));
            if (frames.isEmpty()) {
                frames.addAll(assembler.flushIfIdle(fakeNow + gap));
            }
            Identification last = null;
            for (Frame f : frames) {
                last = decoder.decode(f);
            }
            long took = System.nanoTime() - start;
            if (last == null || last.kind() != expected || !last.valid()) {
                throw new IllegalStateException("benchmark sample did not identify as a valid " + expected + ": "
                        + (last == null ? "no frame" : last.errors()));
            }
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
