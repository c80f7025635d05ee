package vn.giadinhso.hub.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every password hash the hub computes, behind a small gate. An Argon2id hash holds 19 MiB while
 * it runs; 60 concurrent logins on a hub started with {@code -Xmx512m} ran out of memory (issue 10,
 * point 4). At most {@link #PERMITS} hashes run at once; a caller that cannot get a turn within a
 * short wait is told {@link Busy} and the login answers "busy, try again" instead of queueing.
 */
public final class PasswordHashing {
  public static final int PERMITS = 2;
  public static final Duration WAIT = Duration.ofSeconds(2);

  /** The hash function itself; tests may pass a slower or blocking one. */
  public interface Function {
    String hash(String password);

    boolean check(String password, String hash);
  }

  /** No hashing turn came free in time. */
  public static final class Busy extends RuntimeException {
    Busy() {
      super("password hashing is busy");
    }
  }

  // 19 MiB, 2 passes, 1 lane: OWASP's minimum for Argon2id, a fraction of a second on a small hub.
  private static final Argon2Function ARGON2 = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  static final Function ARGON2ID = new Function() {
    @Override
    public String hash(String password) {
      return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
    }

    @Override
    public boolean check(String password, String hash) {
      return Password.check(password, hash).with(ARGON2);
    }
  };

  private final Function function;
  private final Semaphore turns;
  private final Duration wait;
  private final AtomicLong computed = new AtomicLong();
  private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

  public PasswordHashing(Function function, int permits, Duration wait) {
    this.function = function;
    this.turns = new Semaphore(permits, true);
    this.wait = wait;
  }

  public static PasswordHashing argon2id() {
    return new PasswordHashing(ARGON2ID, PERMITS, WAIT);
  }

  public String hash(String password) {
    return inTurn(() -> function.hash(password));
  }

  public boolean check(String password, String hash) {
    return inTurn(() -> function.check(password, hash));
  }

  /** How many hashes were computed since start: for tests and for spotting a flood. */
  public long computed() {
    return computed.get();
  }

  /** The most hashes that ever ran at once: never above the permits, whatever the load. */
  public int peakConcurrent() {
    return peak.get();
  }

  private <T> T inTurn(java.util.function.Supplier<T> work) {
    try {
      if (!turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new Busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    }
    try {
      computed.incrementAndGet();
      peak.accumulateAndGet(running.incrementAndGet(), Math::max);
      return work.get();
    } finally {
      running.decrementAndGet();
      turns.release();
    }
  }
}
