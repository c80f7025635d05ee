package vn.giadinhso.hub.kiosk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;

/**
 * Limits enrolment-code guesses per client address (issue 10 point 9): after {@link #MAX_FAILURES}
 * refused attempts (a wrong, used or expired code, or a malformed body) within {@link #WINDOW},
 * that address gets no answer about codes until the oldest of them is {@link #WINDOW} old. A code
 * has 60 bits, so guessing is hopeless anyway; this keeps a flood from filling the log and the
 * CPU, and makes a scan visible.
 *
 * <p>Kept in the database ({@code enrolment_throttle}), so hub processes behind a load balancer
 * count an address's guesses together and a restart forgets nothing (decision hub-014). An address
 * that has used up its attempts is refused from a read, without the writer; an attempt that is
 * counted is one short write transaction.
 */
public final class EnrolmentThrottle {
  public static final int MAX_FAILURES = 10;
  public static final Duration WINDOW = Duration.ofMinutes(10);
  /** How often each process deletes the rows of addresses quiet for a whole window. */
  public static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
  /** Rows one sweep deletes at most; a full sweep runs again at the next attempt. */
  static final int SWEEP_BATCH = 5_000;
  private static final int MAX_ADDRESS_LENGTH = 64;

  private final Database db;
  private final Clock clock;
  private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

  public EnrolmentThrottle(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Counts an attempt from {@code address} before its code is looked at, so that concurrent
   * guesses (to any hub process) cannot all slip through before the first is counted; or, when
   * the address has used up its attempts, says how long it must wait (and counts nothing).
   */
  public Optional<Duration> attempt(String address) {
    long now = clock.millis();
    String key = bounded(address);
    // A flood from an address that has used up its attempts is answered from a read, off the writer.
    Optional<Duration> early = db.reader().withHandle(h -> h.createQuery(
            "SELECT times FROM enrolment_throttle WHERE address = :a")
        .bind("a", key).mapTo(String.class).findOne())
        .flatMap(times -> refusal(recent(times, now), now));
    if (early.isPresent()) {
      return early;
    }
    Optional<Duration> refused = db.writer().inTransaction(h -> {
      // Creates the row if new, so that it exists to be locked: concurrent first guesses queue here.
      List<Long> times = recent(h.createQuery("INSERT INTO enrolment_throttle (address, times, last_at) "
              + "VALUES (:a, '', 0) ON CONFLICT (address) DO UPDATE SET times = enrolment_throttle.times RETURNING times")
          .bind("a", key).mapTo(String.class).one(), now);
      Optional<Duration> wait = refusal(times, now);
      if (wait.isEmpty()) {
        times.add(now);
        save(h, key, times);
      }
      return wait;
    });
    sweepNowAndThen(now);
    return refused;
  }

  /** The attempt just counted enrolled a kiosk: it was no wrong code, so it stops counting. */
  public void succeeded(String address) {
    String key = bounded(address);
    db.writer().useTransaction(h -> h.createQuery("SELECT times FROM enrolment_throttle WHERE address = :a"
            + db.dialect().forUpdate())
        .bind("a", key).mapTo(String.class).findOne()
        .ifPresent(stored -> {
          List<Long> times = parse(stored);
          if (!times.isEmpty()) {
            times.remove(times.size() - 1);
            save(h, key, times);
          }
        }));
  }

  private static Optional<Duration> refusal(List<Long> times, long now) {
    if (times.size() < MAX_FAILURES) {
      return Optional.empty();
    }
    Duration wait = Duration.ofMillis(times.get(0) + WINDOW.toMillis() - now);
    return Optional.of(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait);
  }

  /** The counted attempts still inside the window, oldest first. */
  private static List<Long> recent(String stored, long now) {
    long cutoff = now - WINDOW.toMillis();
    List<Long> times = parse(stored);
    times.removeIf(t -> t <= cutoff);
    return times;
  }

  private static List<Long> parse(String stored) {
    List<Long> times = new ArrayList<>();
    for (String t : stored.split(" ")) {
      if (!t.isEmpty()) {
        times.add(Long.parseLong(t));
      }
    }
    return times;
  }

  private static void save(Handle h, String key, List<Long> times) {
    h.createUpdate("UPDATE enrolment_throttle SET times = :t, last_at = :last WHERE address = :a")
        .bind("t", times.stream().map(String::valueOf).collect(Collectors.joining(" ")))
        .bind("last", times.isEmpty() ? 0L : times.get(times.size() - 1))
        .bind("a", key).execute();
  }

  /** Deletes rows quiet for a whole window, at most every {@link #SWEEP_EVERY} per process, skipping rows in use. */
  private void sweepNowAndThen(long now) {
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY.toMillis())) {
      return;
    }
    int deleted = db.writer().inTransaction(h -> h.createUpdate("DELETE FROM enrolment_throttle WHERE address IN ("
            + "SELECT address FROM enrolment_throttle WHERE last_at <= :cutoff LIMIT " + SWEEP_BATCH
            + db.dialect().forUpdateSkipLocked() + ")")
        .bind("cutoff", now - WINDOW.toMillis()).execute());
    if (deleted >= SWEEP_BATCH) {
      nextSweep.set(now);
    }
  }

  private static String bounded(String address) {
    String a = address == null ? "" : address;
    return a.length() > MAX_ADDRESS_LENGTH ? a.substring(0, MAX_ADDRESS_LENGTH) : a;
  }
}
