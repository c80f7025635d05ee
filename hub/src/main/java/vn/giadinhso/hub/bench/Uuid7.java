package vn.giadinhso.hub.bench;

import java.security.SecureRandom;
import java.util.UUID;

/** RFC 9562 version-7 UUIDs (48-bit Unix milliseconds, then random), as kiosks make event ids. */
public final class Uuid7 {
  private final SecureRandom random = new SecureRandom();

  public UUID next(long unixMillis) {
    long msb = (unixMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFF);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
