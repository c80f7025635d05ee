package vn.giadinhso.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The age buckets' edges, as the metric's help text promises them. */
class KioskAgesTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void bucketsByTimeSinceLastSeen() {
    assertEquals(KioskAges.Age.NEVER, KioskAges.Age.of(null, NOW));
    assertEquals(KioskAges.Age.UNDER_1H, KioskAges.Age.of(NOW.minusSeconds(3599), NOW));
    assertEquals(KioskAges.Age.FROM_1H_TO_24H, KioskAges.Age.of(NOW.minusSeconds(3600), NOW));
    assertEquals(KioskAges.Age.FROM_1D_TO_7D, KioskAges.Age.of(NOW.minusSeconds(86_400), NOW));
    assertEquals(KioskAges.Age.OVER_7D, KioskAges.Age.of(NOW.minusSeconds(7 * 86_400), NOW));
  }
}
