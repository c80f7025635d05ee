package vn.giadinhso.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.e2e.StubHub;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.sync.HubConnection;
import vn.giadinhso.kiosk.sync.KioskReport;
import vn.giadinhso.protocol.Uuid7;

/**
 * A backlog drained with several batches in flight, over real HTTP, when the hub fails one batch
 * in the middle: every event reaches the hub, none is stored twice, the outbox ends empty, and
 * nothing is quarantined for a failure that was not the events' fault.
 */
class DrainInFlightTest {

    @TempDir
    Path tmp;

    /** 3,500 events: four batches (1,000 + 1,000 + 1,000 + 500), the second one fails once. */
    private static final int EVENTS = 3_500;

    /**
     * A hub that stores by id (as the real one does: a repeat is not stored again) and fails the
     * batch starting at {@code failing} once, in the way {@code failure} says. It holds its first
     * request until a second one arrives, so the test sees batches truly in flight together.
     */
    private static final class FlakyHub implements Function<StubHub.Request, StubHub.Answer> {
        final Map<String, Integer> storedTimes = new HashMap<>();
        final List<String> failedBatch = new ArrayList<>();
        private final String failing;
        private final StubHub.Answer failure;
        private final boolean storedBeforeFailing;
        private final AtomicBoolean failed = new AtomicBoolean();
        private final CountDownLatch two = new CountDownLatch(2);

        FlakyHub(String failing, StubHub.Answer failure, boolean storedBeforeFailing) {
            this.failing = failing;
            this.failure = failure;
            this.storedBeforeFailing = storedBeforeFailing;
        }

        @Override
        public StubHub.Answer apply(StubHub.Request r) {
            two.countDown();
            try {
                two.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<String> ids = r.eventIds();
            boolean failNow = ids.get(0).equals(failing) && failed.compareAndSet(false, true);
            if (failNow) {
                synchronized (this) {
                    failedBatch.addAll(ids);
                }
            }
            if (!failNow || storedBeforeFailing) {
                synchronized (this) {
                    ids.forEach(id -> storedTimes.merge(id, 1, Integer::sum));
                }
            }
            return failNow ? failure : StubHub.Answer.ok();
        }
    }

    private void drainsEverythingOnce(StubHub.Answer failure, boolean storedBeforeFailing, String name) throws Exception {
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve(name + ".db"))) {
            Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
            List<String> appended = db.transaction(c -> {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < EVENTS; i++) {
                    ids.add(outbox.append(c, "heartbeat", "{\"n\":" + i + "}").id());
                }
                return ids;
            });
            FlakyHub flaky = new FlakyHub(appended.get(OutboxSender.MAX_BATCH), failure, storedBeforeFailing);
            try (StubHub stub = new StubHub(flaky)) {
                KioskIdentity id = new KioskIdentity("kiosk-1", stub.uri(), "secret-token", "unused", "unused", "", "p",
                        "c", null);
                HubConnection hub = new HubConnection(id,
                        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                        () -> new KioskReport("test", 0, 0, "none"));
                try (OutboxSender sender = new OutboxSender(outbox, hub,
                        new RetryDelay(Duration.ofMillis(10), Duration.ofMillis(50)), Clock.systemUTC())) {
                    sender.start();
                    assertTrue(sender.awaitEmpty(Duration.ofSeconds(30)), name + ": drained");
                }
                assertTrue(stub.mostRequestsAtOnce() >= 2, name + ": batches in flight together");
                assertEquals(OutboxSender.MAX_BATCH, flaky.failedBatch.size(), name);
                assertTrue(stub.requests.stream().allMatch(r -> r.eventIds().size() <= OutboxSender.MAX_BATCH));
            }
            assertEquals(new HashSet<>(appended), flaky.storedTimes.keySet(), name + ": nothing lost, nothing extra");
            Set<String> twice = new HashSet<>();
            flaky.storedTimes.forEach((eventId, times) -> {
                if (times > 1) {
                    twice.add(eventId);
                }
            });
            // Only a batch whose answer was lost after the hub stored it goes twice; the hub's ids
            // make that repeat harmless (stored once). A refused batch is not stored the first time.
            assertEquals(storedBeforeFailing ? new HashSet<>(flaky.failedBatch) : Set.of(), twice, name);
            assertEquals(0, outbox.backlog(), name);
            assertEquals(0, outbox.quarantineSize(), name + ": no event was at fault");
        }
    }

    @Test
    void aBatchRefusedWith503MidwayIsSentAgainAndNothingIsLostOrDoubled() throws Exception {
        drainsEverythingOnce(new StubHub.Answer(503, "the hub is restarting"), false, "503");
    }

    @Test
    void aBatchWhoseAnswerIsLostMidwayIsSentAgainAndNothingIsLostOrDoubled() throws Exception {
        drainsEverythingOnce(StubHub.Answer.noAnswer(), true, "lost-answer");
    }

    @Test
    void aBatchWithNoAnswerThatWasNotStoredIsSentAgain() throws Exception {
        drainsEverythingOnce(StubHub.Answer.noAnswer(), false, "no-answer");
    }
}
