package vn.giadinhso.kiosk;

import java.time.Duration;

/** Timings an operator may change; the defaults suit a village network. */
public record KioskSettings(Duration syncEvery, Duration heartbeatEvery, Duration sendRetryCap) {

    public static KioskSettings defaults() {
        return new KioskSettings(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(5));
    }
}
