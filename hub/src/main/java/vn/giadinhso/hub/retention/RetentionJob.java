package vn.giadinhso.hub.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link Retention} once a day on a thread of its own, while the hub serves. */
public final class RetentionJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  public static final Duration PERIOD = Duration.ofDays(1);

  private final ScheduledExecutorService executor;

  private RetentionJob(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** @param firstRun after how long the first run starts (the others follow a day apart) */
  public static RetentionJob start(Retention retention, RetentionPolicy policy, Duration firstRun) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "retention");
      t.setDaemon(true);
      return t;
    });
    executor.scheduleAtFixedRate(() -> {
      try {
        RetentionRun run = retention.run(policy, false);
        LOG.info("retention: {}", run.detail(retention.periods(policy)));
      } catch (RuntimeException e) {
        // A failed run (database busy, restarting) must not end the schedule: tomorrow's run tries again.
        LOG.warn("retention run failed, next in {}: {}", PERIOD, e.toString());
      }
    }, firstRun.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return new RetentionJob(executor);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
