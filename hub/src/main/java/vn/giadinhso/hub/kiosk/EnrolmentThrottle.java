package vn.giadinhso.hub.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Limits enrolment-code guesses per client address (issue 10 point 9): after {@link #MAX_FAILURES}
 * refused attempts (a wrong, used or expired code, or a malformed body) within {@link #WINDOW},
 * that address gets no answer about codes until the oldest of them is {@link #WINDOW} old. A code has 60 bits, so guessing is hopeless anyway; this keeps a
 * flood from filling the log and the CPU, and makes a scan visible.
 *
 * <p>Kept in memory: a restart forgets it, which costs an attacker one more window at most.
 */
public final class EnrolmentThrottle {
  public static final int MAX_FAILURES = 10;
  public static final Duration WINDOW = Duration.ofMinutes(10);
  // Bounds memory under a flood from many addresses; the oldest address is forgotten first.
  private static final int MAX_ADDRESSES = 10_000;

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public EnrolmentThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Counts an attempt from {@code address} before its code is looked at, so that concurrent
   * guesses cannot all slip through before the first is counted; or, when the address has used up
   * its attempts, says how long it must wait (and counts nothing).
   */
  public synchronized Optional<Duration> attempt(String address) {
    Instant now = clock.instant();
    Deque<Instant> times = failures.get(address);
    if (times != null) {
      forgetOld(times, now);
      if (times.size() >= MAX_FAILURES) {
        Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
        return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
      }
    } else {
      if (failures.size() >= MAX_ADDRESSES) {
        sweep(now);
      }
      times = new ArrayDeque<>();
      failures.put(address, times);
    }
    times.addLast(now);
    return Optional.empty();
  }

  /** The attempt just counted enrolled a kiosk: it was no wrong code, so it stops counting. */
  public synchronized void succeeded(String address) {
    Deque<Instant> times = failures.get(address);
    if (times != null) {
      times.pollLast();
      if (times.isEmpty()) {
        failures.remove(address);
      }
    }
  }

  private static void forgetOld(Deque<Instant> times, Instant now) {
    Instant cutoff = now.minus(WINDOW);
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }

  private void sweep(Instant now) {
    for (Iterator<Deque<Instant>> it = failures.values().iterator(); it.hasNext(); ) {
      Deque<Instant> times = it.next();
      forgetOld(times, now);
      if (times.isEmpty()) {
        it.remove();
      }
    }
    if (failures.size() >= MAX_ADDRESSES) {
      failures.remove(failures.keySet().iterator().next());
    }
  }
}
