package vn.giadinhso.hub.bench;

import vn.giadinhso.protocol.Uuid7;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.ingest.IncomingEvent;
import vn.giadinhso.hub.ingest.RawEventInsert;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.protocol.EventTypes;

/**
 * What the dashboard's {@code AFTER INSERT ON event} triggers cost the ingest INSERT: the same
 * events inserted with {@link RawEventInsert} (1,000 rows per transaction, as {@code bench-ingest}'s
 * raw baseline) into a migrated database and into one with those triggers dropped, alternating,
 * in the same run. Two mixes: every event a dashboard type ({@code identified}, what
 * {@code bench-ingest} sends) and the kiosk mix of {@link ReportBenchmark}.
 */
public final class TriggerCostBenchmark {
  static final String[] EVENT_TRIGGERS = {"event_attendance", "event_activity", "event_support_request", "event_declaration"};

  private final int events;
  private final int rounds;
  private final PrintWriter out;
  private final Uuid7 ids = new Uuid7(java.time.Clock.systemUTC());

  public TriggerCostBenchmark(int events, int rounds, PrintWriter out) {
    this.events = events;
    this.rounds = rounds;
    this.out = out;
  }

  public void run() throws Exception {
    Path dir = Files.createTempDirectory("gds-bench-triggers");
    try {
      out.printf("%,d events per insert run, 1000 rows per transaction, %d rounds alternating; rows/s (best of rounds)%n",
          events, rounds);
      compare(dir, "all 'identified' (bench-ingest's events)", false);
      compare(dir, "kiosk mix (" + ReportBenchmark.MIX_PER_MILLE[4] / 10.0 + " % lesson.completed, ...)", true);
      out.flush();
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void compare(Path dir, String label, boolean mix) throws Exception {
    double with = 0;
    double without = 0;
    rate(dir.resolve("warm.db"), mix, true); // JIT warm-up, not counted
    for (int r = 0; r < rounds; r++) {
      with = Math.max(with, rate(dir.resolve("with-" + mix + r + ".db"), mix, true));
      without = Math.max(without, rate(dir.resolve("without-" + mix + r + ".db"), mix, false));
    }
    out.printf("%-45s with triggers %,9.0f   without %,9.0f   ratio %.2f%n", label, with, without, with / without);
  }

  private double rate(Path file, boolean mix, boolean triggers) throws Exception {
    try (HubApp hub = HubApp.open(file, Clock.systemUTC())) {
      hub.criteria.load(hub.criteriaJson.readResource("an-tuong-2026.json"));
      hub.schedule.savePoint(new SupportPoint("bench-point", ReportBenchmark.COMMUNE, "Bench", "Bench", 3));
      String kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("bench-point")).kioskId();
      if (!triggers) {
        hub.db.writer().useHandle(h -> {
          for (String t : EVENT_TRIGGERS) {
            h.execute("DROP TRIGGER " + t);
          }
        });
      }
      List<List<IncomingEvent>> batches = new ArrayList<>();
      SplittableRandom r = new SplittableRandom(3);
      long now = System.currentTimeMillis() - events;
      for (int i = 0; i < events; i += 1000) {
        List<IncomingEvent> batch = new ArrayList<>(1000);
        for (int j = i; j < Math.min(events, i + 1000); j++) {
          String type = mix ? pick(r) : EventTypes.IDENTIFIED;
          batch.add(new IncomingEvent(ids.at(now + j).toString(), type, Instant.ofEpochMilli(now + j),
              ReportBenchmark.payload(type, r.nextInt(100_000), "s-" + r.nextInt(50), r)));
        }
        batches.add(batch);
      }
      String receivedAt = Instant.now().toString();
      long start = System.nanoTime();
      for (List<IncomingEvent> batch : batches) {
        hub.db.writer().<SQLException>useTransaction(h -> RawEventInsert.insert(h.getConnection(), kiosk, batch, receivedAt));
      }
      return events / ((System.nanoTime() - start) / 1e9);
    }
  }

  private static String pick(SplittableRandom r) {
    int p = r.nextInt(1000);
    for (int t = 0; t < ReportBenchmark.MIX_TYPES.length; t++) {
      p -= ReportBenchmark.MIX_PER_MILLE[t];
      if (p < 0) {
        return ReportBenchmark.MIX_TYPES[t];
      }
    }
    return EventTypes.HEARTBEAT;
  }
}
