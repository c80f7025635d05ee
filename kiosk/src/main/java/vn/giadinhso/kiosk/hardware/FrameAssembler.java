package vn.giadinhso.kiosk.hardware;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a reader's byte stream into frames per the profile's framing. Time is passed in rather
 * than read from a clock, so the same bytes and timestamps always give the same frames (the
 * property tests rely on that). Not thread-safe: one assembler per reader thread.
 *
 * <p>Line noise is dropped where it can be recognised without guessing: control bytes and 0xFF
 * at the start of a frame (what a port emits when a reader is plugged in or powers up) never
 * begin a payload.
 */
public final class FrameAssembler {

    private static final long NANOS_PER_MS = 1_000_000L;

    private final Framing framing;
    private final byte[] terminator;
    private final long idleGapNanos;
    private final byte[] buffer;
    private int length;
    private boolean overflowed;
    private boolean started;
    private int linesDone;
    private boolean lineOpen;
    private long lastByteAt;
    // Rolling count of how much of the terminator the latest bytes match, kept apart from the
    // buffer so a terminator is still found after the buffer has overflowed.
    private final byte[] recent;
    private int recentCount;

    public FrameAssembler(Framing framing) {
        this.framing = framing;
        this.terminator = framing.mode() == FramingMode.TERMINATOR ? framing.terminator() : new byte[0];
        this.idleGapNanos = framing.idleGapMs() * NANOS_PER_MS;
        this.buffer = new byte[framing.maxFrameBytes()];
        this.recent = new byte[Math.max(1, terminator.length)];
    }

    /** Feeds bytes that arrived at {@code nowNanos}; returns the frames they completed, in order. */
    public List<Frame> accept(byte[] data, int offset, int count, long nowNanos) {
        List<Frame> out = new ArrayList<>(1);
        if (count <= 0) {
            return out;
        }
        // A pause longer than the gap since the previous byte ended that frame, even if nobody
        // polled in between.
        out.addAll(flushIfIdle(nowNanos));
        for (int i = offset; i < offset + count; i++) {
            byte b = data[i];
            switch (framing.mode()) {
                case TERMINATOR -> terminatorByte(b, out);
                case IDLE_GAP -> {
                    if (started || !isNoise(b)) {
                        append(b);
                    }
                }
                case LINES -> lineByte(b, out);
            }
        }
        lastByteAt = nowNanos;
        return out;
    }

    public List<Frame> accept(byte[] data, long nowNanos) {
        return accept(data, 0, data.length, nowNanos);
    }

    /** Ends a pending frame if the line has been quiet for the idle gap. */
    public List<Frame> flushIfIdle(long nowNanos) {
        if (idleGapNanos > 0 && pending() && nowNanos - lastByteAt >= idleGapNanos) {
            return flush();
        }
        return new ArrayList<>(0);
    }

    /** Ends whatever is pending: the port closed or the input ended. */
    public List<Frame> flush() {
        List<Frame> out = new ArrayList<>(1);
        if (pending()) {
            emit(out, trimTrailingLineEnds());
        }
        reset();
        return out;
    }

    /** Whether bytes of an unfinished frame are held. */
    public boolean pending() {
        return started || overflowed || linesDone > 0;
    }

    private void terminatorByte(byte b, List<Frame> out) {
        remember(b);
        if (!started && isNoise(b)) {
            return;
        }
        append(b);
        if (endsWithTerminator()) {
            // The terminator's own bytes went into the buffer unless it had overflowed.
            int keep = overflowed ? length : Math.max(0, length - terminator.length);
            emit(out, keep);
            reset();
        }
    }

    private void lineByte(byte b, List<Frame> out) {
        if (b == '\r' || b == '\n') {
            if (lineOpen) {
                lineOpen = false;
                linesDone++;
                if (linesDone == framing.lines()) {
                    emit(out, length);
                    reset();
                }
            }
            return;
        }
        if (!lineOpen) {
            if (isNoise(b)) {
                return;
            }
            if (linesDone > 0) {
                append((byte) '\n');
            }
            lineOpen = true;
        }
        append(b);
    }

    private void append(byte b) {
        started = true;
        if (length < buffer.length) {
            buffer[length++] = b;
        } else {
            overflowed = true;
        }
    }

    private void remember(byte b) {
        if (recentCount < recent.length) {
            recent[recentCount++] = b;
        } else {
            System.arraycopy(recent, 1, recent, 0, recent.length - 1);
            recent[recent.length - 1] = b;
        }
    }

    private boolean endsWithTerminator() {
        return recentCount == terminator.length && Arrays.equals(recent, terminator);
    }

    private int trimTrailingLineEnds() {
        int end = length;
        while (end > 0 && (buffer[end - 1] == '\r' || buffer[end - 1] == '\n')) {
            end--;
        }
        return end;
    }

    private void emit(List<Frame> out, int end) {
        if (end > 0 || overflowed) {
            out.add(new Frame(Arrays.copyOf(buffer, end), overflowed));
        }
    }

    private void reset() {
        length = 0;
        overflowed = false;
        started = false;
        linesDone = 0;
        lineOpen = false;
        recentCount = 0;
    }

    /** Bytes that cannot begin a payload in any supported encoding: C0 controls, DEL, 0xFF. */
    static boolean isNoise(byte b) {
        int v = b & 0xFF;
        return v < 0x20 || v == 0x7F || v == 0xFF;
    }
}
