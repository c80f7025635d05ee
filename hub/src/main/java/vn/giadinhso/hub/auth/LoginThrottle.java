package vn.giadinhso.hub.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing by a progressive delay, per account and per client address.
 *
 * <p>An attempt is counted as a failure <em>when it is admitted</em>, before its password is
 * hashed, in one synchronized step: 30 concurrent guesses cannot all slip through while the first
 * is still hashing (issue 10, point 4). A successful login takes its own count back. The first
 * {@link #FREE_PER_USER} failures of an account (and {@link #FREE_PER_ADDRESS} of an address; a
 * commune office often shares one) cost nothing; each further one doubles the wait before the next
 * attempt is checked, from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}. An attempt arriving
 * during its wait is refused without hashing and without lengthening the wait, so a flood slows
 * the attacker while the real user, trying after the wait, still gets in: there is no lockout.
 *
 * <p>Kept in memory: a restart forgets it, which only gives an attacker a few more guesses per
 * restart, and keeps the login path off the single SQLite writer.
 */
public final class LoginThrottle {
  public static final int FREE_PER_USER = 3;
  static final int FREE_PER_ADDRESS = 10;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /** Failures older than this (counting from the last attempt) are forgotten. */
  static final Duration FORGET_AFTER = Duration.ofHours(1);
  /** Bounds the memory a flood of made-up user names can take. */
  static final int MAX_KEYS = 10_000;

  /** An admitted attempt; hand it back with {@link #succeeded} or {@link #notChecked}. */
  public record Ticket(List<String> keys) {}

  /** Either a ticket (go on and check the password) or how long to wait. */
  public record Decision(Ticket ticket, Duration retryAfter) {
    public boolean admitted() {
      return ticket != null;
    }
  }

  private static final class State {
    int failures;
    Instant last;
  }

  private final Clock clock;
  private final Map<String, State> states = new HashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Admits the attempt (counting it as a failure until it succeeds) or says how long to wait. */
  public synchronized Decision attempt(String username, String address) {
    Instant now = clock.instant();
    List<String> keys = List.of(key("u", username), key("a", address));
    Duration wait = Duration.ZERO;
    for (String key : keys) {
      State state = current(key, now);
      if (state != null) {
        Duration remaining = Duration.between(now, state.last.plus(delay(state.failures, free(key))));
        if (remaining.compareTo(wait) > 0) {
          wait = remaining;
        }
      }
    }
    if (!wait.isZero() && !wait.isNegative()) {
      return new Decision(null, wait);
    }
    if (states.size() > MAX_KEYS) {
      states.values().removeIf(s -> s.last.plus(FORGET_AFTER).isBefore(now));
    }
    for (String key : keys) {
      State state = states.computeIfAbsent(key, k -> new State());
      state.failures++;
      state.last = now;
    }
    return new Decision(new Ticket(keys), Duration.ZERO);
  }

  /** The password was right: the account starts afresh, the address gets its count back. */
  public synchronized void succeeded(Ticket ticket) {
    for (String key : ticket.keys()) {
      if (key.startsWith("u:")) {
        states.remove(key);
      } else {
        takeBack(key);
      }
    }
  }

  /** The password was never checked (the hashing gate was full): the attempt does not count. */
  public synchronized void notChecked(Ticket ticket) {
    ticket.keys().forEach(this::takeBack);
  }

  /** The wait before the next attempt after {@code failures} failures: 0, then 1 s, 2 s, 4 s … 30 s. */
  static Duration delay(int failures, int free) {
    if (failures < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - free, 10);
    Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private void takeBack(String key) {
    State state = states.get(key);
    if (state != null && --state.failures <= 0) {
      states.remove(key);
    }
  }

  private State current(String key, Instant now) {
    State state = states.get(key);
    if (state != null && state.last.plus(FORGET_AFTER).isBefore(now)) {
      states.remove(key);
      return null;
    }
    return state;
  }

  private static int free(String key) {
    return key.startsWith("u:") ? FREE_PER_USER : FREE_PER_ADDRESS;
  }

  private static String key(String kind, String value) {
    return kind + ":" + (value == null ? "" : value.toLowerCase(Locale.ROOT));
  }
}
