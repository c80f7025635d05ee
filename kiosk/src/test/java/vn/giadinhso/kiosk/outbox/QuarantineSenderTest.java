package vn.giadinhso.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The sender over real HTTP against a stub hub, for the answers a real hub gives rarely: a refusal
 * that names no event (halved until the bad one is alone), 5xx and the 4xx that mean "later" or
 * "not this kiosk" (retried, never quarantined).
 */
class QuarantineSenderTest {

    @TempDir
    Path tmp;

    /** An outbox, a sender and the connection to {@code stub}, the way KioskApp wires them. */
    private record Kiosk(LocalDatabase db, Outbox outbox, OutboxSender sender) implements AutoCloseable {
        static Kiosk against(StubHub stub, Path file) throws java.io.IOException {
            LocalDatabase db = LocalDatabase.open(file);
            Outbox outbox = new Outbox(db, new Uuid7(Clock.systemUTC()), Clock.systemUTC());
            KioskIdentity id = new KioskIdentity("kiosk-1", stub.uri(), "secret-token", "unused", "unused", "", "p", "c",
                    null);
            HubConnection hub = new HubConnection(id, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                    () -> new KioskReport("test", outbox.backlog(), outbox.quarantineSize(), "none"));
            OutboxSender sender = new OutboxSender(outbox, hub,
                    new RetryDelay(Duration.ofMillis(10), Duration.ofMillis(50)), Clock.systemUTC());
            return new Kiosk(db, outbox, sender);
        }

        @Override
        public void close() {
            sender.close();
            db.close();
        }
    }

    private static List<String> accepted(StubHub stub, Function<StubHub.Request, StubHub.Answer> answer) {
        List<String> ids = new ArrayList<>();
        for (StubHub.Request r : stub.requests) {
            if (answer.apply(r).status() == 200) {
                ids.addAll(r.eventIds());
            }
        }
        return ids;
    }

    @Test
    void aRefusalThatNamesNoEventIsHalvedUntilTheBadEventIsAloneThenItIsQuarantined() throws Exception {
        Function<StubHub.Request, StubHub.Answer> answer = r -> r.eventTypes().contains("poison")
                ? new StubHub.Answer(400, "refused") : StubHub.Answer.ok();
        try (StubHub stub = new StubHub(answer); Kiosk k = Kiosk.against(stub, tmp.resolve("k.db"))) {
            List<String> good = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                good.add(k.outbox().append("heartbeat", "{\"n\":" + i + "}").id());
            }
            String poison = k.outbox().append("poison", "{}").id();
            for (int i = 6; i < 11; i++) {
                good.add(k.outbox().append("heartbeat", "{\"n\":" + i + "}").id());
            }
            k.sender().start();
            assertTrue(k.sender().awaitEmpty(Duration.ofSeconds(20)));

            assertEquals(good, accepted(stub, answer), "the others arrive in order, exactly once");
            List<Outbox.Quarantined> q = k.outbox().quarantined();
            assertEquals(1, q.size());
            assertEquals(poison, q.get(0).event().id());
            assertEquals(400, q.get(0).status());
            assertEquals("refused", q.get(0).reason());
            // 12 events: about log2(12) refusals, not one request per event.
            assertTrue(stub.requests.size() <= 10, stub.requests.size() + " requests");
            StubHub.Request last = stub.requests.get(stub.requests.size() - 1);
            assertEquals("1", last.quarantinedHeader(), "the hub is told how many events are set aside");
        }
    }

    /** Before, only 400 and 413 were set aside; any other 4xx blocked the outbox for good. */
    @Test
    void aSingleEventRefusedWithAnother4xxIsQuarantined() throws Exception {
        for (int status : new int[] {413, 409, 422}) {
            Function<StubHub.Request, StubHub.Answer> answer = r -> r.eventTypes().contains("refused")
                    ? new StubHub.Answer(status, "not this one") : StubHub.Answer.ok();
            try (StubHub stub = new StubHub(answer); Kiosk k = Kiosk.against(stub, tmp.resolve("k" + status + ".db"))) {
                String refused = k.outbox().append("refused", "{}").id();
                String next = k.outbox().append("heartbeat", "{}").id();
                k.sender().start();
                assertTrue(k.sender().awaitEmpty(Duration.ofSeconds(20)), "HTTP " + status);
                assertEquals(List.of(next), accepted(stub, answer), "HTTP " + status);
                assertEquals(refused, k.outbox().quarantined().get(0).event().id(), "HTTP " + status);
                assertEquals(status, k.outbox().quarantined().get(0).status());
            }
        }
    }

    @Test
    void a503IsRetriedAndNothingIsQuarantined() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Function<StubHub.Request, StubHub.Answer> answer = r -> calls.incrementAndGet() <= 3
                ? new StubHub.Answer(503, "the hub is restarting") : StubHub.Answer.ok();
        try (StubHub stub = new StubHub(answer); Kiosk k = Kiosk.against(stub, tmp.resolve("k.db"))) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(k.outbox().append("heartbeat", "{\"n\":" + i + "}").id());
            }
            k.sender().start();
            assertTrue(k.sender().awaitEmpty(Duration.ofSeconds(20)));
            assertEquals(0, k.outbox().quarantineSize());
            assertEquals(4, stub.requests.size(), "three 503s, then the same batch again");
            for (StubHub.Request r : stub.requests) {
                assertEquals(ids, r.eventIds(), "the same whole batch each time");
            }
        }
    }

    @Test
    void revokedThrottledOrMisaddressedAnswersAreRetriedNotQuarantined() throws Exception {
        for (int status : new int[] {401, 403, 404, 405, 408, 429, 500, 502}) {
            try (StubHub stub = new StubHub(r -> new StubHub.Answer(status, "no"));
                 Kiosk k = Kiosk.against(stub, tmp.resolve("k" + status + ".db"))) {
                k.outbox().append("heartbeat", "{}");
                k.outbox().append("heartbeat", "{}");
                k.sender().start();
                assertTrue(stub.awaitRequests(3, 20), "HTTP " + status + ": retried");
                k.sender().close();
                assertEquals(0, k.outbox().quarantineSize(), "HTTP " + status);
                assertEquals(2, k.outbox().backlog(), "HTTP " + status);
                assertTrue(stub.requests.stream().allMatch(r -> r.eventIds().size() == 2), "HTTP " + status + ": not split");
            }
        }
    }
}
