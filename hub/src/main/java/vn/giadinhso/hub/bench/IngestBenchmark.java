package vn.giadinhso.hub.bench;

import vn.giadinhso.protocol.Uuid7;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.ingest.IncomingEvent;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.web.HubHttp;
import vn.giadinhso.protocol.EventTypes;

/**
 * Drives the real HTTP ingest endpoint from N concurrent simulated kiosks and sets the result
 * beside the rate of the same rows inserted straight into a plain table ({@link PlainTable}: one
 * primary key and nothing else, issue 11's baseline) on the same machine, measured in the same run
 * (this machine is noisy; only the ratio means much).
 *
 * <p>Steady state is what a hub that runs for months sees, so rounds are measured only after a
 * warm-up: first many small requests, because per-request code (Jetty, routing, pools) runs once
 * per batch, a few hundred times per round, and the JIT only compiles it fully after tens of
 * thousands of calls; then whole unmeasured rounds. Measured rounds alternate raw and HTTP runs,
 * adding to the same two databases, and each round's ratio is taken from its own pair of runs.
 */
public final class IngestBenchmark {
  /** Medians over the measured rounds; {@code ratio} is the median of each round's own ratio. */
  public record Figures(double httpEventsPerSecond, double rawRowsPerSecond, double ratio) {}

  private record HttpRun(double eventsPerSecond, CpuUse.PerEvent cpu, long compileMillis, double serverMicros) {}

  /** Rows per second into the plain table, and the database server's CPU µs per row (NaN if unknown). */
  private record RawRun(double rowsPerSecond, double serverMicros) {}

  private final DatabaseLocation database;
  private final int poolSize;
  private final int kiosks;
  private final int kiosksPerPoint;
  private final int eventsPerKiosk;
  private final int batchSize;
  private final int warmupRounds;
  private final int rounds;
  private final PrintWriter out;
  private final Uuid7 ids = new Uuid7(java.time.Clock.systemUTC());

  /**
   * @param database where the hub runs: null for a scratch SQLite file; a PostgreSQL database that
   *     holds no events yet (the hub's schema is migrated into it, the baseline table goes beside it)
   * @param poolSize the hub's PostgreSQL connections ({@code --db-pool})
   */
  public IngestBenchmark(DatabaseLocation database, int poolSize, int kiosks, int kiosksPerPoint, int totalEvents,
      int batchSize, int warmupRounds, int rounds, PrintWriter out) {
    this.database = database;
    this.poolSize = poolSize;
    this.kiosks = kiosks;
    this.kiosksPerPoint = kiosksPerPoint;
    this.eventsPerKiosk = Math.max(batchSize, totalEvents / kiosks);
    this.batchSize = batchSize;
    this.warmupRounds = warmupRounds;
    this.rounds = rounds;
    this.out = out;
  }

  public Figures run() throws Exception {
    if (database != null) {
      refuseUsed(database);
    }
    Path dir = Files.createTempDirectory("gds-bench");
    try (HubApp hub = database == null ? HubApp.open(dir.resolve("hub.db"), Clock.systemUTC())
            : HubApp.open(database, dir.resolve("bench.secrets.json"), poolSize, Clock.systemUTC());
         PlainTable rawDb = database instanceof DatabaseLocation.Postgres pg ? PlainTable.postgres(pg)
            : PlainTable.sqlite(dir.resolve("plain.db"));
         ServerCpu serverCpu = ServerCpu.of(database)) {
      out.printf("database: %s%n", database == null ? "SQLite (a scratch file)" : database);
      hub.criteria.load(hub.criteriaJson.readResource("an-tuong-2026.json"));
      List<Enrolment> enrolments = new ArrayList<>();
      for (int k = 0; k < kiosks; k++) {
        // Each support point's events count in its own activity_month rows, which the batches of
        // its kiosks update (and, on PostgreSQL, lock until commit) in turn.
        String point = "bench-point-" + k / kiosksPerPoint;
        if (k % kiosksPerPoint == 0) {
          hub.schedule.savePoint(new SupportPoint(point, "an-tuong", "Bench " + k / kiosksPerPoint, "Bench", 3));
        }
        enrolments.add(hub.kiosks.enrol(hub.kiosks.newEnrolmentCode(point)));
      }
      Javalin app = HubHttp.create(hub, "bench").start("127.0.0.1", 0);
      ExecutorService pool = Executors.newFixedThreadPool(kiosks, new KioskThreads());
      try {
        Target target = new Target(hub, app.port(), enrolments, pool,
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), serverCpu);
        return measure(rawDb, target);
      } finally {
        pool.shutdownNow();
        app.stop();
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A database that holds a hub's events already is no place for a benchmark (nor are its secrets ours). */
  private static void refuseUsed(DatabaseLocation database) {
    try (Database db = Database.open(database, 2)) {
      if (db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event").mapTo(Long.class).one()) > 0) {
        throw new IllegalArgumentException(database + " already holds events: give bench-ingest an empty database");
      }
    }
  }

  /** The hub under test, kept for the whole run as a real hub would be. */
  private record Target(HubApp hub, int port, List<Enrolment> enrolments, ExecutorService pool, HttpClient client,
      ServerCpu serverCpu) {}

  private Figures measure(PlainTable rawDb, Target target) throws Exception {
    if (warmupRounds > 0) {
      httpRate(target, newRound(Math.min(batchSize, 10)));
      out.printf("warm-up: %,d requests of up to 10 events done%n", kiosks * ((eventsPerKiosk + 9) / 10));
    }
    for (int w = 0; w < warmupRounds; w++) {
      Round round = newRound(batchSize);
      rawRate(rawDb, target.serverCpu(), round);
      httpRate(target, round);
      out.printf("warm-up round %d of %d done%n", w + 1, warmupRounds);
      out.flush();
    }
    RawRun[] rawRuns = new RawRun[rounds];
    double[] raw = new double[rounds];
    HttpRun[] http = new HttpRun[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      Round round = newRound(batchSize);
      // Alternate the order so that a drift in the machine's speed does not favour either side.
      if (r % 2 == 0) {
        rawRuns[r] = rawRate(rawDb, target.serverCpu(), round);
        http[r] = httpRate(target, round);
      } else {
        http[r] = httpRate(target, round);
        rawRuns[r] = rawRate(rawDb, target.serverCpu(), round);
      }
      raw[r] = rawRuns[r].rowsPerSecond();
      ratios[r] = http[r].eventsPerSecond() / raw[r];
      out.printf("round %d: raw %,.0f rows/s, HTTP %,.0f events/s, ratio %.2f (JIT compiling during HTTP: %d ms)%n",
          r + 1, raw[r], http[r].eventsPerSecond(), ratios[r], http[r].compileMillis());
      out.flush();
    }
    HttpRun medianHttp = median(http, Comparator.comparingDouble(HttpRun::eventsPerSecond));
    double medianRaw = median(raw);
    Figures figures = new Figures(medianHttp.eventsPerSecond(), medianRaw, median(ratios));
    out.printf("events per round: %d from %d kiosks (%d per support point) in batches of %d; %d warm-up and %d measured rounds,%n",
        kiosks * eventsPerKiosk, kiosks, Math.min(kiosks, kiosksPerPoint), batchSize, warmupRounds, rounds);
    out.printf("each adding to the same two databases (a hub's log only grows)%n");
    out.printf("raw insert into a plain table (1000 rows/transaction), median: %,.0f rows/s%n", medianRaw);
    out.printf("HTTP ingest, end to end, median:                              %,.0f events/s%n",
        medianHttp.eventsPerSecond());
    double[] sorted = ratios.clone();
    java.util.Arrays.sort(sorted);
    out.printf("ratio HTTP / raw, median of the rounds' own ratios: %.2f (lowest %.2f, highest %.2f; target at least 0.50)%n",
        figures.ratio(), sorted[0], sorted[sorted.length - 1]);
    out.printf("CPU per event in the median HTTP round, µs (the raw insert takes %.1f µs of wall time):%n",
        1e6 / medianRaw);
    medianHttp.cpu().micros().forEach((who, micros) -> out.printf("  %-24s %5.1f%n", who, micros));
    if (!Double.isNaN(medianHttp.serverMicros())) {
      RawRun medianRawRun = median(rawRuns, Comparator.comparingDouble(RawRun::rowsPerSecond));
      out.printf("  %-24s %5.1f   (PostgreSQL's processes for this database; the plain-table insert: %.1f µs/row)%n",
          "database server", medianHttp.serverMicros(), medianRawRun.serverMicros());
    }
    out.flush();
    return figures;
  }

  /** One round's events: as request bodies per kiosk, and the same events in raw transactions. */
  private record Round(List<List<byte[]>> bodies, List<List<IncomingEvent>> rawTransactions, int events) {}

  private Round newRound(int eventsPerRequest) {
    List<List<byte[]>> bodies = new ArrayList<>();
    List<IncomingEvent> all = new ArrayList<>(kiosks * eventsPerKiosk);
    for (int k = 0; k < kiosks; k++) {
      List<byte[]> perKiosk = new ArrayList<>();
      for (int i = 0; i < eventsPerKiosk; i += eventsPerRequest) {
        List<IncomingEvent> batch = events(Math.min(eventsPerRequest, eventsPerKiosk - i));
        perKiosk.add(body(batch));
        all.addAll(batch);
      }
      bodies.add(perKiosk);
    }
    List<List<IncomingEvent>> transactions = new ArrayList<>();
    for (int i = 0; i < all.size(); i += 1000) {
      transactions.add(all.subList(i, Math.min(all.size(), i + 1000)));
    }
    return new Round(bodies, transactions, all.size());
  }

  private RawRun rawRate(PlainTable table, ServerCpu serverCpu, Round round) throws Exception {
    awaitQuietJit(ManagementFactory.getCompilationMXBean());
    String receivedAt = Instant.now().toString();
    double serverBefore = serverCpu.micros();
    long start = System.nanoTime();
    for (List<IncomingEvent> batch : round.rawTransactions()) {
      table.insert("k-raw", batch, receivedAt);
    }
    double rate = round.events() / ((System.nanoTime() - start) / 1e9);
    return new RawRun(rate, (serverCpu.micros() - serverBefore) / round.events());
  }

  private HttpRun httpRate(Target target, Round round) throws Exception {
    long storedBefore = target.hub().events.count();
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    awaitQuietJit(jit);
    long compileBefore = jit.getTotalCompilationTime();
    CpuUse cpu = CpuUse.start();
    double serverBefore = target.serverCpu().micros();
    long start = System.nanoTime();
    List<Future<?>> results = new ArrayList<>();
    for (int k = 0; k < kiosks; k++) {
      Enrolment e = target.enrolments().get(k);
      List<byte[]> perKiosk = round.bodies().get(k);
      URI uri = URI.create("http://127.0.0.1:" + target.port() + "/api/v1/kiosks/" + e.kioskId() + "/events");
      results.add(target.pool().submit(() -> {
        for (byte[] body : perKiosk) {
          HttpResponse<String> response = target.client().send(HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + e.token())
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            throw new IOException("ingest answered " + response.statusCode() + ": " + response.body());
          }
        }
        return null;
      }));
    }
    for (Future<?> f : results) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    CpuUse.PerEvent cpuPerEvent = cpu.stop(round.events());
    double serverMicros = (target.serverCpu().micros() - serverBefore) / round.events();
    long compileMillis = jit.getTotalCompilationTime() - compileBefore;
    long stored = target.hub().events.count() - storedBefore;
    if (stored != round.events()) {
      throw new IllegalStateException("stored " + stored + " events, expected " + round.events());
    }
    return new HttpRun(stored / seconds, cpuPerEvent, compileMillis, serverMicros);
  }

  /**
   * Setting up a hub (migrations, key generation, Jackson's introspection) queues JIT work that
   * would otherwise compile during the measured run; wait until the compiler has been idle for a
   * moment (at most ten seconds).
   */
  private static void awaitQuietJit(CompilationMXBean jit) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    long last = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      Thread.sleep(250);
      long now = jit.getTotalCompilationTime();
      if (now == last) {
        return;
      }
      last = now;
    }
  }

  /** Names the simulated kiosks' threads so that their CPU time is counted as the client's. */
  private static final class KioskThreads implements ThreadFactory {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      return new Thread(task, "kiosk-" + next.getAndIncrement());
    }
  }

  private List<IncomingEvent> events(int count) {
    List<IncomingEvent> events = new ArrayList<>(count);
    long now = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      events.add(new IncomingEvent(ids.at(now).toString(), EventTypes.IDENTIFIED, Instant.ofEpochMilli(now),
          "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"AT-T1-" + (10_000 + i % 10_000) + "\"}"));
    }
    return events;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The middle run (the lower middle for an even count), kept whole so its CPU split goes with it. */
  private static <T> T median(T[] runs, Comparator<T> order) {
    T[] sorted = runs.clone();
    java.util.Arrays.sort(sorted, order);
    return sorted[(sorted.length - 1) / 2];
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
