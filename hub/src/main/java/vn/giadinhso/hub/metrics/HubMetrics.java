package vn.giadinhso.hub.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import vn.giadinhso.hub.storage.Database;

/**
 * One hub's metrics (docs/decisions/hub-023-metrics.md): its own registry, never Micrometer's
 * global one, so two hubs in one JVM (tests) count apart. Labels name routes, outcomes and age
 * buckets only: no kiosk id, household code or other personal data.
 */
public final class HubMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final IngestMetrics ingest;
  private final RequestMetrics requests;
  private final KioskAges kioskAges;

  public HubMetrics(Database db, Clock clock) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    db.bindPoolMetrics(registry);
    this.ingest = new IngestMetrics(registry);
    this.requests = new RequestMetrics(registry);
    this.kioskAges = new KioskAges(db, clock, registry);
  }

  public IngestMetrics ingest() {
    return ingest;
  }

  public RequestMetrics requests() {
    return requests;
  }

  /** The Prometheus text exposition, with the kiosk ages read from the database just now. */
  public String scrape() {
    kioskAges.refresh();
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
