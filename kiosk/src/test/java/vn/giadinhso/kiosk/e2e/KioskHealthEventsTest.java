package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.screen.ConnectionState;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/** heartbeat and reader.error events, and the indicator that follows the reader and the hub live. */
class KioskHealthEventsTest {

    static Path tmp;
    static RealHub hub;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        tmp = Files.createTempDirectory("kiosk-health");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    static KioskApp enrolledApp() throws Exception {
        Path data = hub.enrolledDataDir(tmp);
        // Sender not started: the events stay in the outbox where the test can read them.
        return KioskApp.open(new KioskDataDir(data), new KioskSettings(Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofSeconds(1)), Clock.systemUTC());
    }

    static List<JsonNode> payloads(KioskApp app, String type) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (OutboxEvent e : app.outbox.oldest(500)) {
            if (e.type().equals(type)) {
                out.add(JSON.readTree(e.payload()));
            }
        }
        return out;
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(20);
        }
    }

    /** Ticks the screen model until the connection indicator shows {@code expected}. */
    static void awaitShown(KioskScreenModel model, List<ConnectionState> shown, ConnectionState.Reader expected)
            throws InterruptedException {
        await(() -> {
            model.tick();
            return shown.get(shown.size() - 1).reader() == expected;
        });
    }

    @Test
    void anUnpluggedReaderIsOneReaderErrorEventAndTheIndicatorFollowsItLive() throws Exception {
        try (KioskApp app = enrolledApp();
                KioskReader reader = KioskReader.of(KioskReader.simulatedProfile(), Optional.empty())) {
            KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(tmp.resolve("pin")), 5, Duration.ofMinutes(5), app.clock),
                    PhoneSteps.national(), Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));
            List<ConnectionState> shown = new ArrayList<>();
            model.onConnectionChange(shown::add);
            reader.addStateListener(app::readerChanged);
            model.tick();
            assertEquals(ConnectionState.Reader.NONE, shown.get(shown.size() - 1).reader());

            reader.start();
            // The reader's own state changes before its listeners hear of it: wait for what the screen shows.
            awaitShown(model, shown, ConnectionState.Reader.CONNECTED);
            int before = shown.size();
            model.tick();
            assertEquals(before, shown.size(), "no change, no redraw");

            reader.simulateUnplugged(true);
            await(() -> !reader.state().connected() && reader.state().errorCount() >= 3);
            awaitShown(model, shown, ConnectionState.Reader.DISCONNECTED);
            // Reopened every few hundred ms while unplugged: still one event per distinct error.
            List<JsonNode> errors = payloads(app, "reader.error");
            assertTrue(errors.size() <= 2, "one event per new error, not per retry: " + errors);
            assertEquals("simulated", errors.get(0).path("reader").asText());
            assertTrue(errors.stream().anyMatch(e -> e.path("error").asText().contains("unplugged")), errors.toString());

            reader.simulateUnplugged(false);
            awaitShown(model, shown, ConnectionState.Reader.CONNECTED);
        }
    }

    @Test
    void aHeartbeatCarriesVersionBacklogAndReaderState() throws Exception {
        try (KioskApp app = enrolledApp()) {
            app.events.supportRequested("other", null, null);
            app.recordHeartbeat();
            JsonNode beat = payloads(app, "heartbeat").get(0);
            assertEquals(KioskApp.VERSION, beat.path("version").asText());
            assertEquals(1, beat.path("backlog").asInt(), "the support request was waiting");
            assertEquals("none", beat.path("reader").asText());
            app.readerChanged(new vn.giadinhso.kiosk.hardware.ReaderState("newland", true, "/dev/ttyACM0", null, 0, 0, null));
            app.recordHeartbeat();
            assertEquals("newland connected", payloads(app, "heartbeat").get(1).path("reader").asText());
        }
    }

    @Test
    void theHubIndicatorGoesOnlineAfterASyncAndOfflineWhenTheHubIsGone() throws Exception {
        try (KioskApp app = enrolledApp()) {
            KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(tmp.resolve("pin2")), 5, Duration.ofMinutes(5), app.clock),
                    PhoneSteps.national(), Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));
            List<ConnectionState> shown = new ArrayList<>();
            model.onConnectionChange(shown::add);
            assertTrue(app.syncQuietly().isEmpty());
            model.tick();
            assertTrue(shown.get(shown.size() - 1).online(), "synced: online");
        }
    }
}
