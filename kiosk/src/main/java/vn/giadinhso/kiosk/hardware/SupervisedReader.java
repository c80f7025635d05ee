package vn.giadinhso.kiosk.hardware;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps one reader running for as long as the kiosk runs: opens it, cuts its bytes into frames,
 * and when it is unplugged or its port closes, reopens it with back-off until it is back. The
 * state is published to listeners on every change so the app can show "reader disconnected".
 */
public final class SupervisedReader implements AutoCloseable {

    private static final int READ_BUFFER = 512;

    private final ChannelOpener opener;
    private final Framing framing;
    private final Consumer<Frame> frames;
    private final Backoff backoff;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final List<Consumer<ReaderState>> stateListeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile ReaderState state;
    private volatile boolean running;
    private volatile ReaderChannel current;
    private Thread thread;

    public SupervisedReader(String readerName, ChannelOpener opener, Framing framing, Consumer<Frame> frames,
            Backoff backoff, Clock clock, LongSupplier nanoTime) {
        this.opener = opener;
        this.framing = framing;
        this.frames = frames;
        this.backoff = backoff;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.state = ReaderState.initial(readerName);
    }

    public SupervisedReader(String readerName, ChannelOpener opener, Framing framing, Consumer<Frame> frames) {
        this(readerName, opener, framing, frames, Backoff.standard(), Clock.systemUTC(), System::nanoTime);
    }

    public void addStateListener(Consumer<ReaderState> listener) {
        stateListeners.add(listener);
    }

    public ReaderState state() {
        return state;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::run, "reader-" + state.reader());
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits until the input ended (simulated readers) or the reader was closed. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ReaderChannel c = current;
        if (c != null) {
            c.close();
        }
        ended.countDown();
    }

    private void run() {
        FrameAssembler assembler = new FrameAssembler(framing);
        byte[] buffer = new byte[READ_BUFFER];
        try {
            while (running) {
                ReaderChannel channel;
                try {
                    channel = opener.open();
                } catch (IOException | RuntimeException e) {
                    publish(state.disconnectedBecause("cannot open: " + e.getMessage()));
                    pause();
                    continue;
                }
                current = channel;
                backoff.reset();
                publish(state.connectedTo(channel.name()));
                try (channel) {
                    if (pump(channel, assembler, buffer)) {
                        publish(state.ended());
                        return;
                    }
                } catch (IOException | RuntimeException e) {
                    // Whatever was half-read is still delivered: it will be classified, not lost.
                    deliver(assembler.flush());
                    publish(state.disconnectedBecause("disconnected: " + e.getMessage()));
                    pause();
                } finally {
                    current = null;
                }
            }
        } finally {
            ended.countDown();
        }
    }

    /** Reads until the input ends (returns true) or the device fails (throws). */
    private boolean pump(ReaderChannel channel, FrameAssembler assembler, byte[] buffer) throws IOException {
        while (running) {
            int n = channel.read(buffer);
            if (n == ReaderChannel.END_OF_INPUT) {
                deliver(assembler.flush());
                return true;
            }
            long now = nanoTime.getAsLong();
            deliver(n > 0 ? assembler.accept(buffer, 0, n, now) : assembler.flushIfIdle(now));
        }
        return false;
    }

    private void deliver(List<Frame> completed) {
        for (Frame frame : completed) {
            publish(state.frameAt(clock.instant()));
            try {
                frames.accept(frame);
            } catch (RuntimeException listenerBug) {
                // A faulty listener must not stop the reader that every resident depends on.
                publish(new ReaderState(state.reader(), state.connected(), state.port(), state.lastFrameAt(),
                        state.frameCount(), state.errorCount() + 1, "frame listener failed: " + listenerBug));
            }
        }
    }

    private void publish(ReaderState next) {
        state = next;
        for (Consumer<ReaderState> listener : stateListeners) {
            try {
                listener.accept(next);
            } catch (RuntimeException ignored) {
                // Same reasoning as for frame listeners; the state is still readable via state().
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(backoff.nextDelayMillis());
        } catch (InterruptedException e) {
            running = false;
            Thread.currentThread().interrupt();
        }
    }
}
