package vn.giadinhso.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import vn.giadinhso.hub.ingest.IngestResult;

/**
 * What kiosks' batches bring: new events (a counter; Prometheus' {@code rate()} gives events/s),
 * duplicates skipped (a kiosk re-sending after a lost answer), and batch sizes.
 */
public final class IngestMetrics {
  private final Counter events;
  private final Counter duplicates;
  private final DistributionSummary batchSize;

  IngestMetrics(MeterRegistry registry) {
    events = Counter.builder("giadinhso.ingest.events").description("events stored from kiosks' batches")
        .register(registry);
    duplicates = Counter.builder("giadinhso.ingest.duplicates")
        .description("events in batches that the hub had already stored (a re-sent batch), skipped")
        .register(registry);
    // Buckets at the sizes that tell a kiosk draining a backlog (up to 1,000) from one sending as it goes.
    batchSize = DistributionSummary.builder("giadinhso.ingest.batch.size")
        .description("events per batch a kiosk posted and the hub accepted")
        .serviceLevelObjectives(1, 10, 100, 500, 1000).register(registry);
  }

  /** One accepted batch. */
  public void batch(IngestResult result) {
    events.increment(result.accepted());
    duplicates.increment(result.duplicates());
    batchSize.record(result.accepted() + result.duplicates());
  }
}
