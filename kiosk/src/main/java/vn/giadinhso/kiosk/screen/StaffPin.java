package vn.giadinhso.kiosk.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the staff PIN with a lockout: after {@code maxTries} wrong PINs in a row, no PIN is
 * accepted (not even the right one) until the lockout has passed, so guessing is slow.
 */
public final class StaffPin {

    public enum Answer { OK, WRONG, LOCKED }

    private final String pin;
    private final int maxTries;
    private final Duration lockout;
    private final Clock clock;
    private int wrong;
    private Instant lockedUntil;

    public StaffPin(String pin, int maxTries, Duration lockout, Clock clock) {
        this.pin = pin;
        this.maxTries = maxTries;
        this.lockout = lockout;
        this.clock = clock;
    }

    public synchronized Answer check(String attempt) {
        if (lockedFor().isPresent()) {
            return Answer.LOCKED;
        }
        if (pin != null && !pin.isEmpty() && java.security.MessageDigest.isEqual(pin.getBytes(), attempt.getBytes())) {
            wrong = 0;
            return Answer.OK;
        }
        if (++wrong >= maxTries) {
            wrong = 0;
            lockedUntil = clock.instant().plus(lockout);
            return Answer.LOCKED;
        }
        return Answer.WRONG;
    }

    public synchronized Optional<Duration> lockedFor() {
        if (lockedUntil == null || !clock.instant().isBefore(lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), lockedUntil));
    }
}
