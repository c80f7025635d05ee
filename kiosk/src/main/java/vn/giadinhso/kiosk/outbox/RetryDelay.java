package vn.giadinhso.kiosk.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with "equal jitter": half the delay is fixed, half random, so a village of
 * kiosks coming back after an outage do not all knock at the same instant. The cap is short
 * (seconds) because the kiosk must notice within seconds that the network is back.
 */
public record RetryDelay(Duration first, Duration cap) {

    public Duration delay(int failures, RandomGenerator random) {
        long base = first.toMillis() << Math.min(failures, 20);
        long capped = Math.min(base, cap.toMillis());
        long half = Math.max(1, capped / 2);
        return Duration.ofMillis(half + random.nextLong(half + 1));
    }
}
