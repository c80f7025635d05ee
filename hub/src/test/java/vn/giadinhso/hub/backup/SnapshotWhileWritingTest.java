package vn.giadinhso.hub.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * A hub's database is written to without pause while kiosks post. The snapshot a backup takes has to
 * finish anyway and be one moment of it. SQLite's online backup API did not: it copies 100 pages a
 * step and starts over whenever another connection commits in between, so with a writer that never
 * rests it never finished (a CI run hung on it for ten minutes). Both databases (TestDatabase).
 */
class SnapshotWhileWritingTest {
  @TempDir Path dir;

  // Not a speed target: a regression would otherwise hang the whole build instead of failing here
  // (in a separate thread, as the native copy does not heed an interrupt).
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aSnapshotFinishesAndIsOneMomentWhileAWriterCommitsWithoutRest() throws Exception {
    Path db = dir.resolve("hub.db");
    TestDatabase.open(db, Clock.systemUTC()).close();
    try (Connection c = TestDatabase.connect(db)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE busy_writes (n BIGINT PRIMARY KEY, filler VARCHAR(4000) NOT NULL)");
      }
      // 15 000 pages (60 MB), so a page-stepping copy needs 150 steps and the writer gets in between
      // them: with the backup API this hung here (killed after 15 min); at 3 000 pages it had finished.
      Random random = new Random(7);
      c.setAutoCommit(false);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO busy_writes (n, filler) VALUES (?, ?)")) {
        for (int n = 0; n < 15000; n++) {
          p.setLong(1, n);
          p.setString(2, randomText(random, 3000));
          p.addBatch();
        }
        p.executeBatch();
      }
      c.commit();
    }

    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong committed = new AtomicLong(15000);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Snapshot snapshot;
    long before;
    long after;
    try (Connection w = TestDatabase.connect(db); PrivateFiles temp = PrivateFiles.in(dir.resolve("temp"))) {
      w.setAutoCommit(true);
      Future<?> writing = writer.submit(() -> {
        try (PreparedStatement p = w.prepareStatement("INSERT INTO busy_writes (n, filler) VALUES (?, 'x')")) {
          while (!stop.get()) {
            p.setLong(1, committed.get());
            p.executeUpdate();
            committed.incrementAndGet();
          }
        }
        return null;
      });
      long target = committed.get() + 20;
      while (committed.get() < target && !writing.isDone()) {
        Thread.onSpinWait();
      }
      before = committed.get();
      DatabaseLocation location = TestDatabase.location(db);
      snapshot = location instanceof DatabaseLocation.Postgres pg
          ? Snapshot.postgres(pg, temp)
          : Snapshot.sqlite(db, temp);
      after = committed.get();
      stop.set(true);
      writing.get();

      assertTrue(after > before, "the writer committed while the snapshot was taken");
      long rowsInCopy = rowsIn(snapshot, location);
      assertTrue(rowsInCopy >= before && rowsInCopy <= after,
          "the copy is one moment between " + before + " and " + after + " rows, not " + rowsInCopy);
    } finally {
      stop.set(true);
      writer.shutdownNow();
    }
    assertEquals(TestDatabase.postgres() ? BackupManifest.POSTGRESQL : BackupManifest.SQLITE, snapshot.kind());
  }

  private static long rowsIn(Snapshot snapshot, DatabaseLocation location) throws Exception {
    if (location instanceof DatabaseLocation.Postgres) {
      Path table = snapshot.parts().stream()
          .filter(p -> p.part().name().equals(BackupManifest.TABLE_PREFIX + "busy_writes"))
          .findFirst().orElseThrow().file();
      try (var lines = Files.lines(table)) {
        return lines.count(); // COPY text format: one line per row
      }
    }
    Path copy = snapshot.parts().get(0).file();
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM busy_writes")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
