package vn.giadinhso.kiosk.hardware;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a keyboard-wedge scanner from a person typing. A wedge scanner "types" a whole payload in
 * a burst a few milliseconds per key and ends it with Enter; no person types that fast. Keys are
 * held back while they could still be a scan and released as typed text as soon as the burst
 * breaks, so typing in a focused field still works (delayed by at most the gap).
 *
 * <p>Fed with (char, timestamp) events by the UI; holds no UI types so it tests with plain tests.
 * Not thread-safe: call it from the UI thread only.
 */
public final class KeystrokeBurstDetector {

    /** Something the UI should act on. */
    public sealed interface Event permits Scan, Typed {
    }

    /** A complete scan, without its Enter. */
    public record Scan(String payload) implements Event {
        // Scans carry ID numbers: keep them out of logs.
        @Override
        public String toString() {
            return "Scan[" + payload.length() + " chars]";
        }
    }

    /** Keys a person typed, to pass on to the focused field. */
    public record Typed(String text) implements Event {
    }

    private final long maxGapMillis;
    private final int minScanLength;
    private final StringBuilder held = new StringBuilder();
    private long lastKeyAt;

    /**
     * @param maxGapMillis  longest pause between keys within a scan; wedge scanners send a key
     *                      every 1–15 ms, fast typists rarely beat 60 ms
     * @param minScanLength shorter bursts are typing (a QR on a card is dozens of characters)
     */
    public KeystrokeBurstDetector(long maxGapMillis, int minScanLength) {
        if (maxGapMillis <= 0 || minScanLength < 1) {
            throw new IllegalArgumentException("need maxGapMillis > 0 and minScanLength >= 1");
        }
        this.maxGapMillis = maxGapMillis;
        this.minScanLength = minScanLength;
    }

    public static KeystrokeBurstDetector withDefaults() {
        return new KeystrokeBurstDetector(35, 8);
    }

    public List<Event> onKey(char key, long atMillis) {
        List<Event> events = new ArrayList<>(1);
        if (held.length() > 0 && atMillis - lastKeyAt > maxGapMillis) {
            release(events);
        }
        if (key == '\r' || key == '\n') {
            if (held.length() >= minScanLength) {
                events.add(new Scan(held.toString()));
                held.setLength(0);
            } else {
                held.append(key);
                release(events);
            }
            return events;
        }
        held.append(key);
        lastKeyAt = atMillis;
        return events;
    }

    /** Call from a UI timer: releases held keys once the burst can no longer be a scan. */
    public List<Event> onIdle(long nowMillis) {
        List<Event> events = new ArrayList<>(1);
        if (held.length() > 0 && nowMillis - lastKeyAt > maxGapMillis) {
            release(events);
        }
        return events;
    }

    private void release(List<Event> events) {
        events.add(new Typed(held.toString()));
        held.setLength(0);
    }
}
