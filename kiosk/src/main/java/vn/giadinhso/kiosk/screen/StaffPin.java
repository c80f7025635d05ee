package vn.giadinhso.kiosk.screen;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks the staff PIN with a lockout: after {@code maxTries} wrong PINs in a row, no PIN is
 * accepted (not even the right one) until the lockout has passed, so guessing is slow. The PIN
 * (as a hash), the count and the lockout live in {@link StaffPinFile}: a restart resets nothing.
 */
public final class StaffPin {

    public enum Answer { OK, WRONG, LOCKED, NOT_SET }

    /** Digits only (the kiosk has a number pad), long enough that 5 tries per 5 minutes is slow. */
    public static boolean acceptable(String pin) {
        return pin != null && pin.matches("[0-9]{4,8}");
    }

    private final StaffPinFile file;
    private final int maxTries;
    private final Duration lockout;
    private final Clock clock;

    public StaffPin(StaffPinFile file, int maxTries, Duration lockout, Clock clock) {
        this.file = file;
        this.maxTries = maxTries;
        this.lockout = lockout;
        this.clock = clock;
    }

    public boolean isSet() {
        return file.read().hash() != null;
    }

    /** Chooses a new PIN (at enrolment); clears any lockout. */
    public synchronized void choose(String pin) {
        if (!acceptable(pin)) {
            throw new IllegalArgumentException("a staff PIN is 4 to 8 digits");
        }
        file.write(new StaffPinFile.State(PinHash.hash(pin), 0, null));
    }

    public synchronized Answer check(String attempt) {
        StaffPinFile.State s = file.read();
        if (lockedFor(s).isPresent()) {
            return Answer.LOCKED;
        }
        if (s.hash() == null) {
            return Answer.NOT_SET;
        }
        if (attempt != null && PinHash.matches(attempt, s.hash())) {
            if (s.wrongInARow() > 0 || s.lockedUntil() != null) {
                file.write(new StaffPinFile.State(s.hash(), 0, null));
            }
            return Answer.OK;
        }
        int wrong = s.wrongInARow() + 1;
        if (wrong >= maxTries) {
            file.write(new StaffPinFile.State(s.hash(), 0, clock.instant().plus(lockout)));
            return Answer.LOCKED;
        }
        file.write(new StaffPinFile.State(s.hash(), wrong, null));
        return Answer.WRONG;
    }

    public synchronized Optional<Duration> lockedFor() {
        return lockedFor(file.read());
    }

    private Optional<Duration> lockedFor(StaffPinFile.State s) {
        Instant now = clock.instant();
        if (s.lockedUntil() == null || !now.isBefore(s.lockedUntil())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.lockedUntil()));
    }
}
