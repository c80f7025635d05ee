package vn.giadinhso.kiosk.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A reader with no hardware: bytes are fed by the program (demo, tests) or pumped from a stream
 * such as stdin. It can be "unplugged" and "plugged in" to exercise the supervision path.
 */
public final class SimulatedReader implements ChannelOpener {

    private static final byte[] END = new byte[0];
    private static final long POLL_MILLIS = 20;

    private final String name;
    private final BlockingDeque<byte[]> pending = new LinkedBlockingDeque<>();
    private volatile boolean pluggedIn = true;
    private volatile int generation;

    public SimulatedReader(String name) {
        this.name = name;
    }

    /** Bytes as the reader would send them, in one burst. */
    public void feed(byte[] bytes) {
        if (bytes.length > 0) {
            pending.add(bytes.clone());
        }
    }

    /** No more bytes will come: the supervised reader flushes and ends. */
    public void endOfInput() {
        pending.add(END);
    }

    /** The open channel fails on its next read and reopening fails until {@link #plugIn()}. */
    public void unplug() {
        pluggedIn = false;
        generation++;
    }

    public void plugIn() {
        pluggedIn = true;
    }

    /** Copies {@code in} into this reader on a daemon thread until it ends. */
    public Thread pumpFrom(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[512];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    if (n > 0) {
                        feed(Arrays.copyOf(buf, n));
                    }
                }
            } catch (IOException e) {
                // Treated like the end of input: nothing more will come from this stream.
            } finally {
                endOfInput();
            }
        }, "simulated-reader-input");
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public ReaderChannel open() throws IOException {
        if (!pluggedIn) {
            throw new IOException(name + " is unplugged");
        }
        int openedGeneration = generation;
        return new ReaderChannel() {
            @Override
            public int read(byte[] buffer) throws IOException {
                if (generation != openedGeneration) {
                    throw new IOException(name + " was unplugged");
                }
                byte[] chunk;
                try {
                    chunk = pending.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                if (chunk == null) {
                    return 0;
                }
                if (chunk == END) {
                    return END_OF_INPUT;
                }
                int n = Math.min(chunk.length, buffer.length);
                System.arraycopy(chunk, 0, buffer, 0, n);
                if (n < chunk.length) {
                    // Hand the rest back first in line, as a real port would on the next read.
                    pending.offerFirst(Arrays.copyOfRange(chunk, n, chunk.length));
                }
                return n;
            }

            @Override
            public String name() {
                return "simulated:" + name;
            }

            @Override
            public void close() {
                // Nothing to release.
            }
        };
    }
}
