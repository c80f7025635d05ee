package vn.giadinhso.hub.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES_PER_USER} failed logins within
 * {@link #WINDOW} for one username, or {@value #MAX_FAILURES_PER_ADDRESS} from one client address,
 * further attempts are refused until the window has passed. The address limit is higher because a
 * whole commune office often shares one address. Kept in memory: a restart forgets it, which only gives an attacker
 * a few more guesses per restart, and keeps the login path off the single SQLite writer.
 */
public final class LoginThrottle {
  static final int MAX_FAILURES_PER_USER = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must wait before trying again; zero when a try is allowed now. */
  public synchronized Duration waitBefore(String username, String address) {
    Instant now = clock.instant();
    return longer(wait(key("u", username), now), wait(key("a", address), now));
  }

  public synchronized void failed(String username, String address) {
    Instant now = clock.instant();
    for (String key : new String[] {key("u", username), key("a", address)}) {
      Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
      times.addLast(now);
      while (times.size() > limit(key)) {
        times.removeFirst();
      }
    }
  }

  public synchronized void succeeded(String username) {
    failures.remove(key("u", username));
  }

  private Duration wait(String key, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Duration.ZERO;
    }
    while (!times.isEmpty() && times.peekFirst().plus(WINDOW).isBefore(now)) {
      times.removeFirst();
    }
    if (times.isEmpty()) {
      failures.remove(key);
      return Duration.ZERO;
    }
    return times.size() < limit(key) ? Duration.ZERO : Duration.between(now, times.peekFirst().plus(WINDOW));
  }

  private static int limit(String key) {
    return key.startsWith("u:") ? MAX_FAILURES_PER_USER : MAX_FAILURES_PER_ADDRESS;
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static String key(String kind, String value) {
    return kind + ":" + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
  }
}
