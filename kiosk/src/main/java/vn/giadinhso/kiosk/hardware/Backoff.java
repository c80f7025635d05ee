package vn.giadinhso.kiosk.hardware;

import java.time.Duration;

/**
 * Delay between attempts to reopen a reader: doubling from {@code initial} up to {@code max}, so
 * an unplugged reader is back within a second of being plugged in without a busy loop meanwhile.
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private long nextMillis;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.nextMillis = initialMillis;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
    }

    /** The delay to wait now; the one after will be longer. */
    public long nextDelayMillis() {
        long delay = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return delay;
    }

    public void reset() {
        nextMillis = initialMillis;
    }
}
