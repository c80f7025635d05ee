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
 * refused codes within {@link #WINDOW}, that address gets no answer about codes until the oldest
 * of them is {@link #WINDOW} old. A code has 60 bits, so guessing is hopeless anyway; this keeps a
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

  /** How long {@code address} must wait before trying a code again, or empty when it may now. */
  public synchronized Optional<Duration> waitFor(String address) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    forgetOld(times, now);
    if (times.isEmpty()) {
      failures.remove(address);
      return Optional.empty();
    }
    if (times.size() < MAX_FAILURES) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
    return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
  }

  /** Counts a refused code from {@code address}. */
  public synchronized void failed(String address) {
    Instant now = clock.instant();
    if (!failures.containsKey(address) && failures.size() >= MAX_ADDRESSES) {
      sweep(now);
    }
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    forgetOld(times, now);
    times.addLast(now);
    while (times.size() > MAX_FAILURES) {
      times.removeFirst();
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
