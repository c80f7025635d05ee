package vn.giadinhso.hub.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Slows down password guessing by a progressive delay, per account and per client address.
 *
 * <p>An attempt is counted as a failure <em>when it is admitted</em>, before its password is
 * hashed, in one row-locked transaction for the account and the address: 30 concurrent guesses,
 * spread over any number of hub processes, cannot all slip through while the first is still
 * hashing (issue 10, point 4). A successful login takes its own count back. The first
 * {@link #FREE_PER_USER} failures of an account (and {@link #FREE_PER_ADDRESS} of an address; a
 * commune office often shares one) cost nothing; each further one doubles the wait before the next
 * attempt is checked, from {@link #FIRST_DELAY} up to {@link #MAX_DELAY}. An attempt arriving
 * during its wait is refused without hashing and without lengthening the wait, so a flood slows
 * the attacker while the real user, trying after the wait, still gets in: there is no lockout.
 *
 * <p>Kept in the database ({@code login_throttle}), so hub processes behind a load balancer
 * throttle as one and a restart forgets nothing (decision hub-014). An attempt refused during a
 * wait costs one read and no write, which keeps a flood off SQLite's single writer; an admitted one
 * costs one short write transaction (two statements). Names no account can have share one row, so a
 * citizen ID number typed into the name field is never stored.
 */
public final class LoginThrottle {
  public static final int FREE_PER_USER = 3;
  static final int FREE_PER_ADDRESS = 10;
  public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  public static final Duration MAX_DELAY = Duration.ofSeconds(30);
  /** Failures older than this (counting from the last attempt) are forgotten. */
  public static final Duration FORGET_AFTER = Duration.ofHours(1);
  /** How often each process deletes forgotten rows, bounding the table under a flood of made-up names. */
  public static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
  /** Rows one sweep deletes at most, so a sweep stays short on the login path; a full one sweeps again soon. */
  static final int SWEEP_BATCH = 5_000;
  /** The one row for every typed name that no account can have. */
  static final String NOT_A_USER_NAME = "u:";
  private static final int MAX_ADDRESS_LENGTH = 64;

  /** An admitted attempt; hand it back with {@link #succeeded} or {@link #notChecked}. */
  public record Ticket(String userKey, String addressKey) {}

  /** Either a ticket (go on and check the password) or how long to wait. */
  public record Decision(Ticket ticket, Duration retryAfter) {
    public boolean admitted() {
      return ticket != null;
    }
  }

  /** One key's count; a key without a row has none. */
  private record Count(int failures, long lastAt) {}

  private final Database db;
  private final Clock clock;
  private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

  public LoginThrottle(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Admits the attempt (counting it as a failure until it succeeds) or says how long to wait. */
  public Decision attempt(String username, String address) {
    long now = clock.millis();
    Ticket keys = new Ticket(userKey(username), addressKey(address));
    // A flood during a wait is answered from a read: no writer, no lock.
    Duration early = wait(db.reader().withHandle(h -> read(h, keys)), now);
    if (positive(early)) {
      return new Decision(null, early);
    }
    Decision decision = db.writer().inTransaction(h -> {
      Duration wait = wait(lock(h, keys), now);
      if (positive(wait)) {
        return new Decision(null, wait);
      }
      h.createUpdate("UPDATE login_throttle SET failures = CASE WHEN last_at < :forget THEN 1 ELSE failures + 1 END, "
              + "last_at = :now WHERE key IN (:u, :a)")
          .bind("forget", now - FORGET_AFTER.toMillis()).bind("now", now)
          .bind("u", keys.userKey()).bind("a", keys.addressKey()).execute();
      return new Decision(keys, Duration.ZERO);
    });
    sweepNowAndThen(now);
    return decision;
  }

  /** The password was right: the account starts afresh, the address gets its count back. */
  public void succeeded(Ticket ticket) {
    // The account's row before the address's, the order attempt() locks them in: no deadlock.
    db.writer().useTransaction(h -> {
      h.createUpdate("DELETE FROM login_throttle WHERE key = :u").bind("u", ticket.userKey()).execute();
      takeBack(h, ticket.addressKey());
    });
  }

  /** The password was never checked (the hashing gate was full): the attempt does not count. */
  public void notChecked(Ticket ticket) {
    db.writer().useTransaction(h -> {
      takeBack(h, ticket.userKey());
      takeBack(h, ticket.addressKey());
    });
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

  /** The longest wait either key still has to sit out (zero or negative when none). */
  private static Duration wait(Map<String, Count> counts, long now) {
    Duration wait = Duration.ZERO;
    for (Map.Entry<String, Count> e : counts.entrySet()) {
      Count count = e.getValue();
      if (count.lastAt() < now - FORGET_AFTER.toMillis()) {
        continue;
      }
      Duration remaining = Duration.ofMillis(count.lastAt() + delay(count.failures(), free(e.getKey())).toMillis() - now);
      if (remaining.compareTo(wait) > 0) {
        wait = remaining;
      }
    }
    return wait;
  }

  private static boolean positive(Duration d) {
    return !d.isZero() && !d.isNegative();
  }

  private static Map<String, Count> read(Handle h, Ticket keys) {
    Map<String, Count> counts = new HashMap<>();
    h.createQuery("SELECT key, failures, last_at FROM login_throttle WHERE key IN (:u, :a)")
        .bind("u", keys.userKey()).bind("a", keys.addressKey())
        .map((rs, ctx) -> counts.put(rs.getString(1), new Count(rs.getInt(2), rs.getLong(3))))
        .list();
    return counts;
  }

  /**
   * Reads both keys' counts and holds their rows until commit, creating them if new: a plain
   * SELECT … FOR UPDATE locks nothing for a key without a row, and 30 first guesses at once would
   * all find none. The account's row is locked before the address's, always.
   */
  private static Map<String, Count> lock(Handle h, Ticket keys) {
    Map<String, Count> counts = new HashMap<>();
    h.createQuery("INSERT INTO login_throttle (key, failures, last_at) VALUES (:u, 0, 0), (:a, 0, 0) "
            + "ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures RETURNING key, failures, last_at")
        .bind("u", keys.userKey()).bind("a", keys.addressKey())
        .map((rs, ctx) -> counts.put(rs.getString(1), new Count(rs.getInt(2), rs.getLong(3))))
        .list();
    return counts;
  }

  private static void takeBack(Handle h, String key) {
    h.createUpdate("UPDATE login_throttle SET failures = failures - 1 WHERE key = :k AND failures > 0")
        .bind("k", key).execute();
  }

  /**
   * Deletes forgotten rows, at most every {@link #SWEEP_EVERY} per process. Rows another request
   * holds are skipped, not waited for: a sweep can neither slow a login nor deadlock with one.
   */
  private void sweepNowAndThen(long now) {
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY.toMillis())) {
      return;
    }
    Jdbi writer = db.writer();
    int deleted = writer.inTransaction(h -> h.createUpdate("DELETE FROM login_throttle WHERE key IN ("
            + "SELECT key FROM login_throttle WHERE last_at < :forget LIMIT " + SWEEP_BATCH
            + db.dialect().forUpdateSkipLocked() + ")")
        .bind("forget", now - FORGET_AFTER.toMillis()).execute());
    if (deleted >= SWEEP_BATCH) {
      nextSweep.set(now);
    }
  }

  private static int free(String key) {
    return key.startsWith("u:") ? FREE_PER_USER : FREE_PER_ADDRESS;
  }

  /**
   * The account's key. A name no account can have (not a user name, or holding a citizen ID
   * number) is never stored: all such names share one key, and no real account is behind it.
   */
  static String userKey(String username) {
    String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
    return UserStore.isUsername(name) && !IdNumberText.containsIdNumber(name) ? "u:" + name : NOT_A_USER_NAME;
  }

  private static String addressKey(String address) {
    String a = address == null ? "" : address;
    return "a:" + (a.length() > MAX_ADDRESS_LENGTH ? a.substring(0, MAX_ADDRESS_LENGTH) : a);
  }
}
