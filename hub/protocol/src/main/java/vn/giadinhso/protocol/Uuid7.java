package vn.giadinhso.protocol;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version-7 UUIDs: 48-bit Unix milliseconds, then a 12-bit counter, then random bits.
 * The counter keeps ids from one maker strictly increasing even within one millisecond, and the
 * hub stores time-ordered keys far faster than random ones (event ids are made this way).
 */
public final class Uuid7 {
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private int counter;

  public Uuid7(Clock clock) {
    this.clock = clock;
  }

  /** An id for now, as lower-case text. */
  public String next() {
    return at(clock.millis()).toString();
  }

  /** An id for the given time (benchmarks and tests make events at chosen times). */
  public synchronized UUID at(long unixMillis) {
    if (unixMillis > lastMillis) {
      lastMillis = unixMillis;
      counter = random.nextInt(0x400);
    } else if (++counter > 0xFFF) {
      // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an order.
      lastMillis++;
      counter = 0;
    }
    long msb = (lastMillis << 16) | 0x7000L | counter;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
