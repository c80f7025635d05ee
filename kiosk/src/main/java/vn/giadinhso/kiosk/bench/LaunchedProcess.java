package vn.giadinhso.kiosk.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM that bench-startup and bench-soak launched, watched from outside as a reviewer would: the
 * time from launch to a line on its stdout, and its resident memory from {@code /proc}.
 */
final class LaunchedProcess implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private LaunchedProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "bench-child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static LaunchedProcess start(List<String> command, List<String> unsetEnv, Path stderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        unsetEnv.forEach(pb.environment()::remove);
        long t0 = System.nanoTime();
        return new LaunchedProcess(pb.start(), t0);
    }

    /** Seconds from launch until a line starting with {@code prefix}; fails after {@code max}. */
    double awaitLine(String prefix, Duration max) throws IOException, InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IOException("no \"" + prefix + "\" line within " + max.toSeconds() + " s"
                        + (process.isAlive() ? "" : " (the process exited with " + process.exitValue() + ")"));
            }
            if (line.startsWith(prefix)) {
                return (System.nanoTime() - startedNanos) / 1e9;
            }
        }
    }

    /** Resident set size in MB (VmRSS). */
    double rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + process.pid());
    }

    long pid() {
        return process.pid();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        // Up to a minute: a JVM run with -XX:ArchiveClassesAtExit (./giadinhso cds) writes its archive as it exits.
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
