package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SupervisedReaderTest {

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final List<ReaderState> states = new CopyOnWriteArrayList<>();
    private final Framing crlf = new Framing(FramingMode.TERMINATOR, "0D0A", 100, 0, 0);

    private SupervisedReader reader(SimulatedReader sim) {
        SupervisedReader r = new SupervisedReader("sim", sim, crlf,
                f -> frames.add(new String(f.bytes(), StandardCharsets.UTF_8)),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(40)), java.time.Clock.systemUTC(), System::nanoTime);
        r.addStateListener(states::add);
        return r;
    }

    @Test
    void framesFlowAndStateShowsTheLastFrame() throws Exception {
        SimulatedReader sim = new SimulatedReader("test");
        try (SupervisedReader r = reader(sim)) {
            r.start();
            sim.feed("hello\r\nwor".getBytes(StandardCharsets.UTF_8));
            sim.feed("ld\r\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("hello", frames.poll(2, TimeUnit.SECONDS));
            assertEquals("world", frames.poll(2, TimeUnit.SECONDS));
            eventually(() -> r.state().frameCount() == 2);
            assertTrue(r.state().connected());
            assertNotNull(r.state().lastFrameAt());
            assertEquals("simulated:test", r.state().port());
        }
    }

    @Test
    void anUnpluggedReaderIsReopenedByItselfWhenPluggedBackIn() throws Exception {
        SimulatedReader sim = new SimulatedReader("test");
        try (SupervisedReader r = reader(sim)) {
            r.start();
            eventually(() -> r.state().connected());
            sim.unplug();
            eventually(() -> !r.state().connected());
            Thread.sleep(100); // several failed reopen attempts meanwhile
            assertTrue(r.state().errorCount() >= 2, "each failed attempt is counted: " + r.state());
            assertTrue(r.state().lastError().contains("unplugged"), r.state().lastError());
            sim.plugIn();
            eventually(() -> r.state().connected());
            sim.feed("after\r\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("after", frames.poll(2, TimeUnit.SECONDS));
        }
        assertTrue(states.stream().anyMatch(s -> !s.connected() && s.errorCount() > 0), "listeners saw the outage");
    }

    @Test
    void endOfInputFlushesTheLastFrameAndEnds() throws Exception {
        SimulatedReader sim = new SimulatedReader("test");
        try (SupervisedReader r = reader(sim)) {
            r.start();
            sim.feed("no terminator".getBytes(StandardCharsets.UTF_8));
            sim.endOfInput();
            assertTrue(r.awaitEnd(Duration.ofSeconds(2)));
            assertEquals("no terminator", frames.poll(1, TimeUnit.SECONDS));
            assertFalse(r.state().connected());
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheReader() throws Exception {
        SimulatedReader sim = new SimulatedReader("test");
        BlockingQueue<String> ok = new LinkedBlockingQueue<>();
        try (SupervisedReader r = new SupervisedReader("sim", sim, crlf, f -> {
            String s = new String(f.bytes(), StandardCharsets.UTF_8);
            if (s.equals("boom")) {
                throw new IllegalStateException("listener bug");
            }
            ok.add(s);
        })) {
            r.start();
            sim.feed("boom\r\nfine\r\n".getBytes(StandardCharsets.UTF_8));
            assertEquals("fine", ok.poll(2, TimeUnit.SECONDS));
            assertTrue(r.state().lastError().contains("listener bug"));
        }
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }
}
