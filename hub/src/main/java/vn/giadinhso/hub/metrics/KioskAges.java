package vn.giadinhso.hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.storage.Database;

/**
 * Kiosks by the age of their last contact (sync or batch), the hub's view of sync lag: a kiosk
 * that falls into "1-7 d" has residents' events waiting on it. Revoked kiosks are not counted.
 * Read once per scrape, not per gauge.
 */
final class KioskAges {
  /** The buckets, with the label value each carries. */
  enum Age {
    UNDER_1H("lt_1h"), FROM_1H_TO_24H("1h_24h"), FROM_1D_TO_7D("1d_7d"), OVER_7D("gt_7d"), NEVER("never");

    final String label;

    Age(String label) {
      this.label = label;
    }

    static Age of(Instant lastSeen, Instant now) {
      if (lastSeen == null) {
        return NEVER;
      }
      Duration age = Duration.between(lastSeen, now);
      if (age.compareTo(Duration.ofHours(1)) < 0) {
        return UNDER_1H;
      }
      if (age.compareTo(Duration.ofDays(1)) < 0) {
        return FROM_1H_TO_24H;
      }
      return age.compareTo(Duration.ofDays(7)) < 0 ? FROM_1D_TO_7D : OVER_7D;
    }
  }

  private final Database db;
  private final Clock clock;
  private volatile Map<Age, Integer> counts = new EnumMap<>(Age.class);
  private volatile double oldestSeconds;

  KioskAges(Database db, Clock clock, MeterRegistry registry) {
    this.db = db;
    this.clock = clock;
    for (Age age : Age.values()) {
      Gauge.builder("giadinhso.kiosks", this, k -> k.counts.getOrDefault(age, 0))
          .description("enrolled, unrevoked kiosks by the time since the hub last heard from them")
          .tag("last_seen", age.label).register(registry);
    }
    Gauge.builder("giadinhso.kiosks.last.seen.oldest", this, k -> k.oldestSeconds).baseUnit("seconds")
        .description("the longest time since an unrevoked kiosk last synced or posted (0: none, or none heard yet)")
        .register(registry);
  }

  void refresh() {
    List<String> seen = db.reader().withHandle(h -> h.createQuery(
        "SELECT last_seen_at FROM kiosk WHERE revoked_at IS NULL").mapTo(String.class).list());
    Instant now = clock.instant();
    Map<Age, Integer> next = new EnumMap<>(Age.class);
    double oldest = 0;
    for (String text : seen) {
      Instant at = text == null ? null : Instant.parse(text);
      next.merge(Age.of(at, now), 1, Integer::sum);
      if (at != null) {
        oldest = Math.max(oldest, Math.max(0, Duration.between(at, now).toMillis() / 1000.0));
      }
    }
    counts = next;
    oldestSeconds = oldest;
  }
}
