package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class Uuid7Test {
  @Test
  void carriesTheTimeVersionAndVariantOfRfc9562() {
    long millis = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    UUID id = new Uuid7(Clock.systemUTC()).at(millis);
    assertEquals(7, id.version());
    assertEquals(2, id.variant());
    assertEquals(millis, id.getMostSignificantBits() >>> 16);
  }

  @Test
  void idsMadeInOneMillisecondStillSortInOrderOfMaking() {
    Clock frozen = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    Uuid7 ids = new Uuid7(frozen);
    String previous = ids.next();
    for (int i = 0; i < 10_000; i++) {
      String next = ids.next();
      assertTrue(next.compareTo(previous) > 0, "id " + i + " sorts before the one made just before it");
      previous = next;
    }
  }
}
