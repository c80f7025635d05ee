package vn.giadinhso.kiosk.outbox;

import vn.giadinhso.protocol.Uuid7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.store.LocalDatabase;

class OutboxSenderTest {

    @TempDir
    Path tmp;

    /** A hub that can be down, and refuses events whose payload says "bad". */
    static final class FakeHub implements EventPoster {
        volatile boolean up;
        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final java.util.concurrent.CountDownLatch refused = new java.util.concurrent.CountDownLatch(1);

        @Override
        public boolean answers() {
            return up;
        }

        @Override
        public Reply post(List<OutboxEvent> batch) throws IOException {
            if (!up) {
                refused.countDown();
                throw new IOException("connection refused");
            }
            if (batch.stream().anyMatch(e -> e.payload().contains("bad"))) {
                return new Reply(400, "bad event");
            }
            batches.add(batch.stream().map(OutboxEvent::id).toList());
            return new Reply(200, null);
        }
    }

    @Test
    void idsAreLowerCaseTimeOrderedUuid7() {
        Uuid7 ids = new Uuid7(Clock.systemUTC());
        String previous = "";
        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertEquals(7, UUID.fromString(id).version());
            assertEquals(id.toLowerCase(), id);
            assertTrue(id.compareTo(previous) > 0, "strictly increasing");
            previous = id;
        }
    }

    @Test
    void sendsInOrderedBatchesEachEventOnceAndResumesWithinSecondsWhenTheHubComesBack() throws Exception {
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve("k.db"))) {
            Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
            FakeHub hub = new FakeHub();
            List<String> appended = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                appended.add(outbox.append("heartbeat", "{\"n\":" + i + "}").id());
            }
            try (OutboxSender sender = new OutboxSender(outbox, hub,
                    new RetryDelay(Duration.ofMillis(100), Duration.ofSeconds(2)), Clock.systemUTC())) {
                sender.start();
                Thread.sleep(1500);
                assertEquals(1200, outbox.backlog(), "nothing leaves while the hub is down");
                assertTrue(!sender.status().hubReachable());
                hub.up = true;
                long t0 = System.nanoTime();
                assertTrue(sender.awaitEmpty(Duration.ofSeconds(10)));
                assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 4000, "resumed within seconds");
            }
            // Batches in flight together may land in either order; each is a run of consecutive
            // events, oldest first, and together they are every event once.
            List<String> sent = hub.batches.stream().sorted(java.util.Comparator.comparing(b -> b.get(0)))
                    .flatMap(List::stream).toList();
            assertEquals(appended, sent, "each batch in order, every event once");
            assertTrue(hub.batches.stream().allMatch(b -> b.size() <= OutboxSender.MAX_BATCH));
        }
    }

    @Test
    void anEventTheHubRefusesIsSetAsideAndDoesNotBlockTheRest() throws Exception {
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve("k.db"))) {
            Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
            FakeHub hub = new FakeHub();
            hub.up = true;
            outbox.append("heartbeat", "{\"n\":1}");
            outbox.append("heartbeat", "{\"n\":\"bad\"}");
            outbox.append("heartbeat", "{\"n\":3}");
            try (OutboxSender sender = new OutboxSender(outbox, hub,
                    new RetryDelay(Duration.ofMillis(100), Duration.ofSeconds(2)), Clock.systemUTC())) {
                sender.start();
                assertTrue(sender.awaitEmpty(Duration.ofSeconds(10)));
            }
            assertEquals(1, outbox.quarantineSize());
            assertEquals(2, hub.batches.stream().mapToInt(List::size).sum());
        }
    }

    /**
     * A kiosk in the middle of a long back-off (here 10–20 s) when the hub comes back: the cheap
     * "does it answer?" probe ends the wait, so the backlog leaves within a second or so.
     */
    @Test
    void aBacklogLeavesSoonAfterTheHubAnswersAgainNotAtTheEndOfTheBackOff() throws Exception {
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve("k.db"))) {
            Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
            FakeHub hub = new FakeHub();
            for (int i = 0; i < 2500; i++) {
                outbox.append("heartbeat", "{\"n\":" + i + "}");
            }
            try (OutboxSender sender = new OutboxSender(outbox, hub,
                    new RetryDelay(Duration.ofSeconds(20), Duration.ofSeconds(20)), Clock.systemUTC())) {
                sender.start();
                assertTrue(hub.refused.await(10, java.util.concurrent.TimeUnit.SECONDS), "tried while the hub was down");
                hub.up = true;
                assertTrue(sender.awaitEmpty(Duration.ofSeconds(8)), "sent before the 10–20 s back-off ended");
            }
            assertEquals(2500, hub.batches.stream().mapToInt(List::size).sum());
        }
    }
}
