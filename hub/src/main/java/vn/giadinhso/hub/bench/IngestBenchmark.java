package vn.giadinhso.hub.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.ingest.IncomingEvent;
import vn.giadinhso.hub.ingest.RawEventInsert;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.web.HubHttp;

/**
 * Drives the real HTTP ingest endpoint from N concurrent simulated kiosks and sets the result
 * beside the raw SQLite insert rate of the same rows on the same machine, measured in the same
 * run (this machine is noisy; only the ratio means much).
 */
public final class IngestBenchmark {
  public record Figures(double httpEventsPerSecond, double rawRowsPerSecond) {
    public double ratio() {
      return httpEventsPerSecond / rawRowsPerSecond;
    }
  }

  private final int kiosks;
  private final int eventsPerKiosk;
  private final int batchSize;
  private final PrintWriter out;
  private final Uuid7 ids = new Uuid7();

  public IngestBenchmark(int kiosks, int totalEvents, int batchSize, PrintWriter out) {
    this.kiosks = kiosks;
    this.eventsPerKiosk = Math.max(batchSize, totalEvents / kiosks);
    this.batchSize = batchSize;
    this.out = out;
  }

  public Figures run() throws Exception {
    Path dir = Files.createTempDirectory("gds-bench");
    try {
      // Warm both paths up first (JIT, Jetty, Jackson); only the runs after that are measured.
      rawRate(dir.resolve("warm-raw.db"));
      httpRate(dir.resolve("warm-hub.db"));
      double rawBefore = rawRate(dir.resolve("raw1.db"));
      double http = httpRate(dir.resolve("hub.db"));
      double rawAfter = rawRate(dir.resolve("raw2.db"));
      double raw = (rawBefore + rawAfter) / 2;
      Figures figures = new Figures(http, raw);
      out.printf("events: %d from %d kiosks in batches of %d (after one unmeasured warm-up run of each)%n",
          kiosks * eventsPerKiosk, kiosks, batchSize);
      out.printf("raw SQLite insert (same SQL, 1000 rows/transaction): %,.0f rows/s (before %,.0f, after %,.0f)%n",
          raw, rawBefore, rawAfter);
      out.printf("HTTP ingest, end to end:                           %,.0f events/s%n", http);
      out.printf("ratio HTTP / raw: %.2f (target at least 0.50)%n", figures.ratio());
      out.flush();
      return figures;
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private double rawRate(Path file) throws Exception {
    List<List<IncomingEvent>> batches = new ArrayList<>();
    int total = kiosks * eventsPerKiosk;
    for (int i = 0; i < total; i += 1000) {
      batches.add(events(Math.min(1000, total - i)));
    }
    try (Database db = Database.open(file)) {
      String receivedAt = Instant.now().toString();
      long start = System.nanoTime();
      for (List<IncomingEvent> batch : batches) {
        db.writer().<java.sql.SQLException>useTransaction(h -> RawEventInsert.insert(h.getConnection(), "k-raw", batch, receivedAt));
      }
      return total / ((System.nanoTime() - start) / 1e9);
    }
  }

  private double httpRate(Path file) throws Exception {
    try (HubApp hub = HubApp.open(file, Clock.systemUTC())) {
      hub.criteria.load(hub.criteriaJson.readResource("an-tuong-2026.json"));
      hub.schedule.savePoint(new SupportPoint("bench-point", "an-tuong", "Bench", "Bench", 3));
      List<Enrolment> enrolments = new ArrayList<>();
      for (int k = 0; k < kiosks; k++) {
        enrolments.add(hub.kiosks.enrol(hub.kiosks.newEnrolmentCode("bench-point")));
      }
      Javalin app = HubHttp.create(hub, "bench").start("127.0.0.1", 0);
      try {
        List<List<byte[]>> bodies = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
          List<byte[]> perKiosk = new ArrayList<>();
          for (int i = 0; i < eventsPerKiosk; i += batchSize) {
            perKiosk.add(body(events(Math.min(batchSize, eventsPerKiosk - i))));
          }
          bodies.add(perKiosk);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(kiosks);
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int k = 0; k < kiosks; k++) {
          Enrolment e = enrolments.get(k);
          List<byte[]> perKiosk = bodies.get(k);
          URI uri = URI.create("http://127.0.0.1:" + app.port() + "/api/v1/kiosks/" + e.kioskId() + "/events");
          results.add(pool.submit(() -> {
            int accepted = 0;
            for (byte[] body : perKiosk) {
              HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                  .header("Authorization", "Bearer " + e.token())
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() != 200) {
                throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
              }
              accepted += body.length > 0 ? 1 : 0;
            }
            return accepted;
          }));
        }
        for (Future<Integer> f : results) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long stored = hub.events.count();
        if (stored != (long) kiosks * eventsPerKiosk) {
          throw new IllegalStateException("stored " + stored + " events, expected " + (long) kiosks * eventsPerKiosk);
        }
        return stored / seconds;
      } finally {
        app.stop();
      }
    }
  }

  private List<IncomingEvent> events(int count) {
    List<IncomingEvent> events = new ArrayList<>(count);
    long now = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      events.add(new IncomingEvent(ids.next(now).toString(), "identified", Instant.ofEpochMilli(now),
          "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"AT-T1-" + String.format("%04d", i % 10_000) + "\"}"));
    }
    return events;
  }

  private static byte[] body(List<IncomingEvent> events) {
    StringBuilder json = new StringBuilder("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      IncomingEvent e = events.get(i);
      json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(e.id()).append("\",\"type\":\"").append(e.type())
          .append("\",\"at\":\"").append(e.at()).append("\",\"payload\":").append(e.payload()).append('}');
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
