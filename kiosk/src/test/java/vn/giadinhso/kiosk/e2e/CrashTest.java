package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.enrol.KioskDataDir;

/**
 * The durability promise, tested the hard way: a headless kiosk in a child JVM is killed with
 * SIGKILL at random moments while it scans and syncs against a real hub, then restarted, several
 * times. Every eventId it printed must be at the hub exactly once at the end.
 */
class CrashTest {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 6);

    @TempDir
    Path tmp;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> foreign = new CopyOnWriteArrayList<>();

    @Test
    void everyPrintedScanReachesTheHubExactlyOnceDespiteKill9() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = tmp.resolve("kiosk");
            assertEquals(0, KioskEndToEndTest.cli("enrol", "--data", data.toString(), "--hub", hub.uri().toString(),
                    "--code", hub.enrolmentCode()));
            List<String> payloads = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                payloads.add(hub.householdQr(String.format("AT-TH1-%04d", i)));
            }
            payloads.add(RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An"));
            payloads.add(RealHub.cccdQr(RealHub.STRANGER_ID, "Lê Văn Cường"));
            payloads.add("not a card");

            List<String> printed = new CopyOnWriteArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                Process child = start(data, round);
                int before = printed.size();
                Thread reader = collect(child, printed);
                // The kill window opens once this child has printed its first scan: on a loaded
                // machine JVM start-up alone can outlast a fixed delay, and a round killed before
                // it scans anything tests nothing.
                long killAt = Long.MAX_VALUE;
                long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                try (OutputStream in = child.getOutputStream()) {
                    while (System.nanoTime() < killAt && child.isAlive() && System.nanoTime() < giveUp) {
                        if (killAt == Long.MAX_VALUE && printed.size() > before) {
                            killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextInt(2500));
                        }
                        in.write((payloads.get(random.nextInt(payloads.size())) + "\n").getBytes(StandardCharsets.UTF_8));
                        in.flush();
                        Thread.sleep(random.nextInt(25));
                    }
                    child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flush, no goodbye
                    assertTrue(child.waitFor(20, TimeUnit.SECONDS));
                } catch (IOException brokenPipe) {
                    child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
                reader.join(5000);
            }

            // A last, clean run: scan a little more, end the input, and let it drain to the hub.
            Process last = start(data, ROUNDS);
            Thread reader = collect(last, printed);
            try (OutputStream in = last.getOutputStream()) {
                for (int i = 0; i < 20; i++) {
                    in.write((payloads.get(i) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            assertTrue(last.waitFor(90, TimeUnit.SECONDS), "the final run drains and exits");
            reader.join(5000);
            assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("stderr-" + ROUNDS + ".txt")));

            String kioskId = new KioskDataDir(data).require().kioskId();
            Map<String, Integer> atHub = new HashMap<>();
            for (StoredEvent e : hub.events(kioskId, "identified")) {
                atHub.merge(e.id(), 1, Integer::sum);
            }
            assertEquals(List.of(), foreign, "stdout is for scan lines only");
            assertTrue(printed.size() > 20, "the children printed " + printed.size() + " scans (seed " + seed + ")");
            for (String id : printed) {
                assertEquals(1, atHub.getOrDefault(id, 0), "event " + id + " at the hub exactly once (seed " + seed + ")");
            }
            assertEquals(printed.size(), printed.stream().distinct().count(), "no id printed twice");
        }
    }

    private Process start(Path data, int round) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "vn.giadinhso.kiosk.KioskMain", "run", "--headless", "--stdin", "--data", data.toString(),
                "--sync-seconds", "1");
        pb.redirectError(tmp.resolve("stderr-" + round + ".txt").toFile());
        return pb.start();
    }

    /** Reads the child's stdout; every line must be one scan's JSON. */
    private Thread collect(Process child, List<String> printed) {
        Thread t = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (!line.startsWith("{")) {
                        // Not even the start of a scan: something else writes to stdout (a logger?).
                        foreign.add(line);
                        continue;
                    }
                    JsonNode scan = json.readTree(line);
                    printed.add(scan.get("eventId").asText());
                }
            } catch (IOException killed) {
                // The pipe breaks when the child is killed; a half-written last line is not a printed scan.
            }
        }, "child-stdout");
        t.start();
        return t;
    }
}
