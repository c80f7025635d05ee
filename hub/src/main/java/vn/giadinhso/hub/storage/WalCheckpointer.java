package vn.giadinhso.hub.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies committed pages from SQLite's write-ahead log into the database file on a thread of its
 * own, so that the hub's single writer does not. SQLite's automatic checkpoint runs inside the
 * COMMIT of whichever transaction crosses the threshold: there it was most of what a batch's
 * commit cost in a profile of bench-ingest, with every kiosk's request queued behind it. A PASSIVE
 * checkpoint here takes no lock that writers wait for and skips pages a reader still needs, as the
 * automatic one does. The writer keeps a high automatic threshold as a safety net, should this
 * thread ever fall behind (see {@link #WRITER_AUTOCHECKPOINT_PAGES}).
 */
final class WalCheckpointer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
  /** The writer checkpoints itself only past this many WAL pages (4 KiB each): ten times SQLite's default. */
  static final int WRITER_AUTOCHECKPOINT_PAGES = 10_000;
  static final Duration INTERVAL = Duration.ofMillis(250);

  private final Connection connection;
  private final ScheduledExecutorService thread;
  private final AtomicLong checkpointedPages = new AtomicLong();

  WalCheckpointer(Path file) {
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      throw new StorageException("cannot open " + file + " for checkpoints: " + e.getMessage(), e);
    }
    thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sqlite-checkpoint");
      t.setDaemon(true);
      return t;
    });
    thread.scheduleWithFixedDelay(this::checkpoint, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Pages copied into the database file so far (for tests and the curious). */
  long checkpointedPages() {
    return checkpointedPages.get();
  }

  private void checkpoint() {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      if (r.next()) {
        checkpointedPages.addAndGet(Math.max(0, r.getLong(3)));
      }
    } catch (SQLException | RuntimeException e) {
      // Never let the schedule die: a missed checkpoint is retried next time, and the writer's
      // own threshold still bounds the log meanwhile.
      LOG.warn("WAL checkpoint failed, will retry: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the checkpoint connection: {}", e.getMessage());
    }
  }
}
