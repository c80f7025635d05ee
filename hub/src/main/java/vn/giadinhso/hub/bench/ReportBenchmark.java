package vn.giadinhso.hub.bench;

import vn.giadinhso.protocol.Uuid7;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.ingest.IncomingEvent;
import vn.giadinhso.hub.ingest.Projections;
import vn.giadinhso.hub.ingest.RawEventInsert;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.report.CommuneReport;
import vn.giadinhso.hub.report.ProvinceBoard;
import vn.giadinhso.hub.report.ProvinceCharts;
import vn.giadinhso.hub.report.ProvinceReport;
import vn.giadinhso.hub.report.ProvinceTable;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.report.ReportTable;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.protocol.EventTypes;

/**
 * Builds a hub database at a given scale (households and events as parameters) and times the
 * commune report and its CSV/XLSX exports beside baselines measured in the same run.
 *
 * <p>Households, members and criterion statuses are inserted with batched SQL straight into
 * their tables (no triggers exist on them; revisions are handed out as {@code HouseholdStore}
 * would, one per household). Events go through {@link RawEventInsert}, the very statement ingest
 * uses, and through {@link Projections}, the code that keeps the dashboard's tables, exactly as
 * on a real hub; only HTTP, JSON validation and lesson practice are skipped, and transactions hold 10,000 rows
 * (ingest: one request's batch) to build faster.
 */
public final class ReportBenchmark {
  public static final String COMMUNE = "an-tuong";
  /** The province officer the benchmark signs in as (its database is a throwaway one). */
  static final String BENCH_OFFICER = "bench-tinh";
  static final String BENCH_PASSWORD = "bench-mat-khau-tinh";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** Kiosk event mix, per 1000 events: what a day at a support point looks like. */
  static final String[] MIX_TYPES = {EventTypes.LESSON_STEP, EventTypes.IDENTIFIED, EventTypes.STATUS_VIEWED, EventTypes.LESSON_STARTED,
      EventTypes.LESSON_COMPLETED, EventTypes.ATTENDANCE_CHECKED_IN, EventTypes.HEARTBEAT, EventTypes.CRITERION_DECLARED, EventTypes.SUPPORT_REQUESTED};
  static final int[] MIX_PER_MILLE = {400, 230, 100, 80, 70, 40, 70, 6, 4};

  private final int communes;
  private final int households;
  private final long events;
  private final int villages;
  private final int points;
  private final int runs;
  private final boolean fullScan;
  private final PrintWriter out;
  private final Uuid7 ids = new Uuid7(java.time.Clock.systemUTC());
  private final SplittableRandom random = new SplittableRandom(20261121);

  /**
   * @param communes of one province; households are dealt to them in turn, villages and runs are
   *     per commune, support points go round the communes (commune 0 is Ân Tường, the others copy
   *     its criteria)
   */
  public ReportBenchmark(int communes, int households, long events, int villages, int points, int runs,
      boolean fullScan, PrintWriter out) {
    this.communes = communes;
    this.households = households;
    this.events = events;
    this.villages = villages;
    this.points = points;
    this.runs = runs;
    this.fullScan = fullScan;
    this.out = out;
  }

  /** Measures again on a database this harness built earlier (same households and events). */
  public void measureOnly(DatabaseLocation location, Path secrets) throws Exception {
    if (location instanceof DatabaseLocation.SqliteFile f && !Files.exists(f.file())) {
      throw new IllegalArgumentException(f.file() + " does not exist");
    }
    try (HubApp hub = HubApp.open(location, secrets, Database.DEFAULT_POOL_SIZE, Clock.systemUTC())) {
      measure(hub);
    }
  }

  /**
   * Builds the database (a SQLite file that must not exist yet, or a PostgreSQL database without
   * households), then measures.
   */
  public void run(DatabaseLocation location, Path secrets) throws Exception {
    if (location instanceof DatabaseLocation.SqliteFile f && Files.exists(f.file())) {
      throw new IllegalArgumentException(f.file() + " exists; give a new file (the harness builds it from scratch)");
    }
    try (HubApp hub = HubApp.open(location, secrets, Database.DEFAULT_POOL_SIZE, Clock.systemUTC())) {
      if (hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM household").mapTo(Long.class).one()) > 0) {
        throw new IllegalArgumentException(location + " already holds households; give an empty database");
      }
      long t0 = System.nanoTime();
      List<Kiosk> kiosks = setUp(hub);
      List<List<String>> sessions = sessions(hub);
      insertHouseholds(hub);
      double householdSeconds = seconds(t0);
      out.printf("built %,d households (%d communes of %d villages) with members and statuses in %.0f s%n",
          households, communes, villages, householdSeconds);
      out.flush();
      long t1 = System.nanoTime();
      insertEvents(hub, kiosks, sessions);
      double eventSeconds = seconds(t1);
      out.printf("inserted %,d events through the ingest INSERT and the dashboard projections in %.0f s (%,.0f events/s)%n",
          events, eventSeconds, events / eventSeconds);
      out.flush();
      measure(hub);
    }
  }

  /** Commune {@code c}'s id: Ân Tường first, as the single-commune benchmark always used. */
  static String commune(int c) {
    return c == 0 ? COMMUNE : String.format("bench-xa-%03d", c);
  }

  private List<Kiosk> setUp(HubApp hub) throws Exception {
    CriteriaSet anTuong = hub.criteriaJson.readResource("an-tuong-2026.json");
    for (int c = 0; c < communes; c++) {
      hub.criteria.load(c == 0 ? anTuong : new CriteriaSet(commune(c), String.format("Xã %03d", c), anTuong.province(),
          anTuong.version(), anTuong.title(), anTuong.source(), anTuong.pillars(), anTuong.criteria(), anTuong.groups(),
          anTuong.flags(), anTuong.overallTargetPercent()));
    }
    List<Kiosk> kiosks = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      String point = String.format("bench-p%02d", p);
      hub.schedule.savePoint(new SupportPoint(point, commune(p % communes), "Điểm " + p, "Nhà văn hóa " + p, 3));
      for (int k = 0; k < 2; k++) {
        Enrolment e = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode(point));
        kiosks.add(new Kiosk(e.kioskId(), e.supportPointId(), e.communeId()));
      }
    }
    return kiosks;
  }

  /**
   * Four sessions a month per point over the six report months (some points fewer, to be
   * flagged), listed by the commune of their point.
   */
  private List<List<String>> sessions(HubApp hub) {
    List<List<String>> byCommune = new ArrayList<>();
    for (int c = 0; c < communes; c++) {
      byCommune.add(new ArrayList<>());
    }
    YearMonth last = YearMonth.now(VIETNAM);
    for (int p = 0; p < points; p++) {
      String point = String.format("bench-p%02d", p);
      for (YearMonth m = last.minusMonths(5); !m.isAfter(last); m = m.plusMonths(1)) {
        int perMonth = p % 4 == 3 ? 2 : 4;
        for (int s = 0; s < perMonth; s++) {
          Instant start = m.atDay(3 + 7 * s).atTime(8, 0).atZone(VIETNAM).toInstant();
          String id = "bench-s-" + point + "-" + m + "-" + s;
          hub.schedule.saveSession(new Session(id, point, start, start.plus(Duration.ofHours(2)), "Nhà văn hóa",
              "Dịch vụ công trực tuyến", "Tổ công nghệ số", Session.Status.SCHEDULED));
          byCommune.get(p % communes).add(id);
        }
      }
    }
    return byCommune;
  }

  /** Household {@code i} belongs to commune {@code i % communes}; this is the commune's n-th. */
  private int household(int commune, int n) {
    return household(commune, n, communes);
  }

  /** How many households commune {@code c} has. */
  private int householdsOf(int c) {
    return (households - c + communes - 1) / communes;
  }

  /**
   * Households (one revision each, as {@code HouseholdStore} hands them out), two members each
   * (with birth years, and VNeID records for one in five), criterion statuses, straight into their
   * tables ({@link BulkRows}: COPY on PostgreSQL). Ids are given, so on PostgreSQL the tables'
   * identity sequences are left behind: a benchmark database takes no imports afterwards.
   */
  private void insertHouseholds(HubApp hub) throws SQLException {
    CriteriaSet set = hub.criteria.active(COMMUNE).orElseThrow();
    List<String> criteria = set.criteria().stream().map(c -> c.id()).toList();
    List<String> groups = set.groups().stream().map(g -> g.id()).toList();
    String now = Instant.now().toString();
    hub.db.writer().useTransaction(h -> {
      for (int c = 0; c < communes; c++) {
        for (int v = 0; v < villages; v++) {
          h.createUpdate("INSERT INTO village (id, commune_id, name) VALUES (:id, :c, :n)")
              .bind("id", commune(c) + "/bench-thon-" + v).bind("c", commune(c)).bind("n", "Thôn " + v).execute();
        }
      }
    });
    final int chunk = 20_000;
    for (int from = 0; from < households; from += chunk) {
      int to = Math.min(households, from + chunk);
      int start = from;
      hub.db.writer().<SQLException>useTransaction(h -> {
        Connection c = h.getConnection();
        // The counter moves once per chunk, by the chunk's size: the same revisions, one at a time.
        long firstRev = h.createQuery("UPDATE revision SET value = value + :n WHERE id = 1 RETURNING value")
            .bind("n", to - start).mapTo(Long.class).one() - (to - start) + 1;
        try (BulkRows hh = BulkRows.into(c, "household", "id", "code", "commune_id", "village_id", "head_name",
                "groups_json", "flags_json", "content_hash", "rev", "updated_at")) {
          for (int i = start; i < to; i++) {
            List<String> mine = new ArrayList<>();
            for (String g : groups) {
              if (random.nextInt(4) == 0) {
                mine.add("\"" + g + "\"");
              }
            }
            hh.add(i + 1L, code(i), commune(i % communes), commune(i % communes) + "/bench-thon-" + (i / communes) % villages,
                "Nguyễn Văn " + i, "[" + String.join(",", mine) + "]", random.nextInt(10) == 0 ? "[\"business\"]" : "[]",
                "bench-" + i, firstRev + (i - start), now);
          }
        }
        try (BulkRows member = BulkRows.into(c, "member", "household_id", "seq", "full_name", "id_hash", "id_masked",
                "birth_year");
             BulkRows vneid = BulkRows.into(c, "member_vneid", "commune_id", "member_hash", "activated", "source", "at",
                 "actor");
             BulkRows status = BulkRows.into(c, "criterion_status", "household_id", "criterion_id", "status", "source",
                 "actor", "at")) {
          for (int i = start; i < to; i++) {
            long id = i + 1L;
            for (int m = 0; m < 2; m++) {
              member.add(id, m, m == 0 ? "Nguyễn Văn " + i : "Trần Thị " + i, memberHash(i, m),
                  "**********" + String.format("%02d", i % 100), 1940 + random.nextInt(80));
              // VNeID level 2 recorded for one member in five (the people page and the province
              // column count them); one record in ten is later corrected to "not activated".
              if (random.nextInt(5) == 0) {
                vneid.add(commune(i % communes), memberHash(i, m), 1, "staff", now, "bench");
                if (random.nextInt(10) == 0) {
                  vneid.add(commune(i % communes), memberHash(i, m), 0, "staff", now, "bench");
                }
              }
            }
            // Households progress: most have some criteria, a share have all of them.
            int done = random.nextInt(criteria.size() + 3);
            for (int k = 0; k < Math.min(done, criteria.size()); k++) {
              CriterionStatus st = random.nextInt(5) == 0 ? CriterionStatus.PRACTISED : CriterionStatus.MET;
              status.add(id, criteria.get(k), st.name(), st == CriterionStatus.MET ? "staff" : "kiosk", "bench", now);
            }
          }
        }
      });
    }
  }

  static String code(int i) {
    return String.format("AT-B-%07d", i);
  }

  static String memberHash(int household, int member) {
    return String.format("%064x", (long) household * 2 + member);
  }

  private record Batch(Kiosk kiosk, List<IncomingEvent> events) {}

  private static final Batch END = new Batch(new Kiosk("", "", ""), List.of());

  /** Events in time order over the six report months, built on one thread and inserted on another. */
  private void insertEvents(HubApp hub, List<Kiosk> kiosks, List<List<String>> sessions) throws Exception {
    if (events == 0) {
      return;
    }
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(16);
    Instant end = Instant.now();
    Instant begin = YearMonth.now(VIETNAM).minusMonths(5).atDay(1).atStartOfDay(VIETNAM).toInstant();
    double step = (end.toEpochMilli() - begin.toEpochMilli()) / (double) events;
    int[] cumulative = new int[MIX_PER_MILLE.length];
    for (int i = 0, sum = 0; i < cumulative.length; i++) {
      sum += MIX_PER_MILLE[i];
      cumulative[i] = sum;
    }
    Thread producer = new Thread(() -> {
      try {
        SplittableRandom r = new SplittableRandom(7);
        long made = 0;
        while (made < events) {
          int n = (int) Math.min(1000, events - made);
          int k = r.nextInt(kiosks.size());
          Kiosk kiosk = kiosks.get(k);
          int commune = k / 2 % communes; // two kiosks per point, points round the communes
          List<String> communeSessions = sessions.get(commune);
          List<IncomingEvent> batch = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            long millis = begin.toEpochMilli() + (long) ((made + i) * step);
            int pick = r.nextInt(1000);
            int t = 0;
            while (pick >= cumulative[t]) {
              t++;
            }
            String type = MIX_TYPES[t];
            int household = household(commune, r.nextInt(householdsOf(commune)));
            batch.add(new IncomingEvent(ids.at(millis).toString(), type, Instant.ofEpochMilli(millis),
                payload(type, household, communeSessions.get(r.nextInt(communeSessions.size())), r)));
          }
          made += n;
          queue.put(new Batch(kiosk, batch));
        }
        queue.put(END);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bench-event-maker");
    producer.start();
    String receivedAt = Instant.now().toString();
    long inserted = 0;
    long lastReport = System.nanoTime();
    long started = System.nanoTime();
    boolean done = false;
    while (!done) {
      List<Batch> group = new ArrayList<>();
      while (group.size() < 10) {
        Batch b = queue.take();
        if (b == END) {
          done = true;
          break;
        }
        group.add(b);
      }
      if (!group.isEmpty()) {
        hub.db.writer().<SQLException>useTransaction(h -> {
          for (Batch b : group) {
            boolean[] stored = new boolean[b.events().size()];
            RawEventInsert.insert(h.getConnection(), b.kiosk().id(), b.events(), receivedAt, stored);
            List<IncomingEvent> fresh = new ArrayList<>(stored.length);
            for (int i = 0; i < stored.length; i++) {
              if (stored[i]) {
                fresh.add(b.events().get(i));
              }
            }
            Projections.forKiosk(b.kiosk()).apply(h, fresh);
          }
        });
        for (Batch b : group) {
          inserted += b.events().size();
        }
      }
      if (System.nanoTime() - lastReport > 30e9) {
        lastReport = System.nanoTime();
        System.err.printf("  %,d events (%,.0f/s)%n", inserted, inserted / seconds(started));
      }
    }
    producer.join();
  }

  static String payload(String type, int household, String session, SplittableRandom r) {
    String code = code(household);
    return switch (type) {
      case EventTypes.IDENTIFIED -> "{\"method\":\"HOUSEHOLD_QR\",\"householdCode\":\"" + code + "\"}";
      case EventTypes.ATTENDANCE_CHECKED_IN -> "{\"sessionId\":\"" + session + "\",\"memberHash\":\""
          + memberHash(household, r.nextInt(2)) + "\",\"householdCode\":\"" + code + "\"}";
      case EventTypes.CRITERION_DECLARED -> "{\"householdCode\":\"" + code + "\",\"criterionId\":\"lookup-dossier-result\"}";
      case EventTypes.SUPPORT_REQUESTED -> "{\"topic\":\"vneid\",\"phone\":\"09" + (10_000_000 + r.nextInt(89_999_999))
          + "\",\"householdCode\":\"" + code + "\"}";
      case EventTypes.LESSON_STARTED -> "{\"lessonId\":\"vneid-login\",\"version\":3,\"householdCode\":\"" + code + "\"}";
      case EventTypes.LESSON_STEP -> "{\"lessonId\":\"vneid-login\",\"version\":3,\"householdCode\":\"" + code
          + "\",\"step\":" + r.nextInt(8) + "}";
      case EventTypes.LESSON_COMPLETED -> "{\"lessonId\":\"vneid-login\",\"version\":3,\"householdCode\":\"" + code
          + "\",\"criteria\":[\"vneid-level2\"],\"score\":" + r.nextInt(101) + ",\"durationSeconds\":" + (60 + r.nextInt(600)) + "}";
      case EventTypes.STATUS_VIEWED -> "{\"householdCode\":\"" + code + "\"}";
      default -> "{\"uptimeSeconds\":" + r.nextInt(100_000) + "}";
    };
  }

  /**
   * What the province page computes before its template: the board (every column and the
   * twelve-month trend), the table rows and the four charts, with message keys for their words.
   */
  private static int provincePage(HubApp hub, String province) {
    ProvinceBoard board = hub.provinceBoards.build(province);
    ReportTable table = ProvinceTable.of(board, hub.peopleReports.residents(board.communeIds()));
    int svg = ProvinceCharts.render(board, (key, args) -> key).values().stream().mapToInt(String::length).sum();
    return table.rows().size() + svg;
  }

  /** A province officer signed in to the hub's dashboard over HTTP, as a browser would be. */
  private static final class Browser {
    private final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    /** Cookies kept by hand: the hub's are for 127.0.0.1, which java.net.CookieManager does not send back. */
    private final java.util.Map<String, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();
    private final String base;

    private java.net.http.HttpRequest.Builder request(String path) {
      var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path));
      if (!cookies.isEmpty()) {
        builder.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
      }
      return builder;
    }

    private <T> java.net.http.HttpResponse<T> keep(java.net.http.HttpResponse<T> response) {
      for (String header : response.headers().allValues("Set-Cookie")) {
        String[] pair = header.split(";", 2)[0].split("=", 2);
        cookies.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
      return response;
    }

    Browser(int port) {
      this.base = "http://127.0.0.1:" + port;
    }

    void signIn(String username, String password) throws Exception {
      java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login"));
      if (!csrf.find()) {
        throw new IllegalStateException("no sign-in form");
      }
      String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
      var response = keep(client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()));
      if (response.statusCode() != 303) {
        throw new IllegalStateException("sign-in refused: " + response.statusCode());
      }
    }

    String get(String path) {
      try {
        var response = keep(client.send(request(path).GET().build(),
            java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8)));
        if (response.statusCode() != 200) {
          throw new IllegalStateException(path + ": " + response.statusCode());
        }
        return response.body();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String enc(String s) {
      return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private void measure(HubApp hub) throws Exception {
    long eventRows = hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event").mapTo(Long.class).one());
    long allHouseholds = hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM household")
        .mapTo(Long.class).one());
    String province = hub.db.reader().withHandle(h -> h.createQuery("SELECT province_code FROM commune WHERE id = :c")
        .bind("c", COMMUNE).mapTo(String.class).one());
    int communeCount = hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM commune WHERE province_code = :p")
        .bind("p", province).mapTo(Integer.class).one());
    out.printf("database: %s, %,d households in %d commune%s (%,d in %s), %,d events, %,.1f GB%n", hub.db.dialect(),
        allHouseholds, communeCount, communeCount == 1 ? "" : "s", hub.households.count(COMMUNE), COMMUNE, eventRows,
        gigabytes(hub));

    long t = System.nanoTime();
    CommuneReport first = hub.reports.build(COMMUNE);
    out.printf("first report (after a bulk load it rolls up every household once): %.1f s%n", seconds(t));
    t = System.nanoTime();
    hub.provinceReports.build(province);
    out.printf("first province roll-up (rolls up the other communes' households once): %.1f s%n", seconds(t));

    // Baselines, same run: a trivial query through the same reader pool, and the raw scan rate of the log.
    double[] trivial = time(() -> hub.db.reader().withHandle(h ->
        h.createQuery("SELECT value FROM revision").mapTo(Long.class).one()));
    long sample = Math.min(eventRows, 2_000_000);
    t = System.nanoTime();
    hub.db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT type FROM event LIMIT :n) "
        + "AS sample WHERE type = 'lesson.completed'").bind("n", sample).mapTo(Long.class).one());
    double scanRate = sample / Math.max(1e-9, seconds(t));

    double[] report = time(() -> hub.reports.build(COMMUNE));
    double[] csv = time(() -> ReportExports.csv(ReportTable.of(hub.reports.build(COMMUNE))));
    double[] xlsx = time(() -> ReportExports.xlsx(ReportTable.of(hub.reports.build(COMMUNE)), "Bao cao"));
    double[] provinceRollup = time(() -> hub.provinceReports.build(province));
    // The whole province page's data and markup, as ProvinceRoutes builds it: the roll-up plus this
    // month's sessions, activity, queues and kiosks per commune, the table and the chart.
    double[] provincePage = time(() -> provincePage(hub, province));
    double[] provinceXlsx = time(() -> {
      ProvinceBoard board = hub.provinceBoards.build(province);
      return ReportExports.xlsx(ProvinceTable.of(board, hub.peopleReports.residents(board.communeIds())), "Tinh");
    });
    // The page as a browser gets it: a province officer signed in over HTTP, the whole page
    // rendered (table, charts, trend), beside a small page over the same connection as baseline.
    double[] httpLogin;
    double[] httpPage;
    int pageBytes;
    io.javalin.Javalin app = vn.giadinhso.hub.web.HubHttp.create(hub, "bench").start("127.0.0.1", 0);
    try {
      hub.users.setUser(BENCH_OFFICER, BENCH_PASSWORD, vn.giadinhso.hub.auth.Assignment.province(province));
      Browser browser = new Browser(app.port());
      browser.signIn(BENCH_OFFICER, BENCH_PASSWORD);
      String page = browser.get("/dashboard/provinces/" + province);
      if (!page.contains("id=\"province-months\"") || !page.contains("id=\"chart-province-trend-sessions\"")) {
        throw new IllegalStateException("the province page lacks its trend");
      }
      pageBytes = page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      httpLogin = time(() -> browser.get("/login"));
      httpPage = time(() -> browser.get("/dashboard/provinces/" + province));
    } finally {
      app.stop();
    }

    // A day's work between two reports: 1,000 households change status, then the report catches up.
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      String code = code(household(0, random.nextInt(hub.households.count(COMMUNE)), communeCount));
      hub.households.recordStatus(code, new StatusRecord("information-security", CriterionStatus.MET, "staff",
          "bench", Instant.now(), "bench"));
      changed.add(code);
    }
    t = System.nanoTime();
    hub.reports.build(COMMUNE);
    double afterChanges = seconds(t);
    // The same day across the province: 1,000 households of any commune.
    for (int i = 0; i < 1000; i++) {
      hub.households.recordStatus(code(random.nextInt((int) allHouseholds)), new StatusRecord("information-security",
          CriterionStatus.MET, "staff", "bench", Instant.now(), "bench"));
    }
    t = System.nanoTime();
    ProvinceReport provinceAfter = hub.provinceReports.build(province);
    double provinceAfterChanges = seconds(t);

    out.printf("%nruns: %d after 2 warm-ups; times in ms%n", runs);
    out.printf("baseline: trivial query (SELECT value FROM revision)   p50 %8.3f  max %8.3f%n", ms(p50(trivial)), ms(max(trivial)));
    if (sample > 0) {
      out.printf("baseline: raw scan of the event log                     %,.0f rows/s (%,d-row sample)%n", scanRate, sample);
    }
    out.printf("commune report (build)                                 p50 %8.1f  max %8.1f%n", ms(p50(report)), ms(max(report)));
    out.printf("report + CSV export                                     p50 %8.1f  max %8.1f%n", ms(p50(csv)), ms(max(csv)));
    out.printf("report + XLSX export                                    p50 %8.1f  max %8.1f%n", ms(p50(xlsx)), ms(max(xlsx)));
    out.printf("report after 1,000 households changed status               %8.1f%n", ms(afterChanges));
    out.printf("province roll-up (%d communes, %,d households)         p50 %8.1f  max %8.1f%n", communeCount,
        allHouseholds, ms(p50(provinceRollup)), ms(max(provinceRollup)));
    out.printf("province roll-up after 1,000 households changed status     %8.1f%n", ms(provinceAfterChanges));
    out.printf("province page (all columns, trend, table and charts)   p50 %8.1f  max %8.1f%n", ms(p50(provincePage)),
        ms(max(provincePage)));
    out.printf("province page + XLSX export                            p50 %8.1f  max %8.1f%n", ms(p50(provinceXlsx)),
        ms(max(provinceXlsx)));
    out.printf("baseline: sign-in page over HTTP                        p50 %8.1f  max %8.1f%n", ms(p50(httpLogin)),
        ms(max(httpLogin)));
    out.printf("province page over HTTP (signed in, %,d kB of HTML)      p50 %8.1f  max %8.1f%n", pageBytes / 1000,
        ms(p50(httpPage)), ms(max(httpPage)));
    out.printf("ratio province page p50 / trivial query p50: %,.0f%n", p50(provincePage) / p50(trivial));
    out.printf("ratio province page over HTTP p50 / sign-in page over HTTP p50: %,.1f%n", p50(httpPage) / p50(httpLogin));
    out.printf("province check: %,d households, %,d recognised (%.1f %%) in %d communes%n", provinceAfter.households(),
        provinceAfter.recognised(), provinceAfter.percent(), provinceAfter.communes().size());
    out.printf("ratio report p50 / trivial query p50: %,.0f%n", p50(report) / p50(trivial));
    if (eventRows > 0) {
      double scanAll = eventRows / scanRate;
      out.printf("a report that scanned the log once would take >= %.1f s at the raw scan rate: %,.0f x the report p50%n",
          scanAll, scanAll / p50(report));
    }
    if (fullScan) {
      t = System.nanoTime();
      long lessons = hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT COUNT(*) FROM event WHERE type = 'lesson.completed'").mapTo(Long.class).one());
      double scan = seconds(t);
      long counted = first.months().stream().mapToLong(CommuneReport.Month::practiceCompleted).sum();
      out.printf("measured: counting lesson.completed by scanning the log: %.1f s (%,d; the report's pre-aggregated "
          + "months say %,d)%n", scan, lessons, counted);
    }
    CommuneReport last = hub.reports.build(COMMUNE);
    out.printf("report check: %,d households, %,d recognised (%.1f %%), %,d practice tasks in %s%n",
        last.areas().get(0).households(), last.areas().get(0).recognised(), last.areas().get(0).percent(),
        last.months().get(last.months().size() - 1).practiceCompleted(), last.months().get(last.months().size() - 1).month());
    out.flush();
  }

  /** Household {@code n} of commune {@code c} of {@code communes} (households are dealt in turn). */
  private static int household(int c, int n, int communes) {
    return c + communes * n;
  }

  private static double gigabytes(HubApp hub) throws java.io.IOException {
    if (hub.db.file().isPresent()) {
      return Files.size(hub.db.file().get()) / 1e9;
    }
    return hub.db.reader().withHandle(h -> h.createQuery("SELECT pg_database_size(current_database())")
        .mapTo(Long.class).one()) / 1e9;
  }

  private double[] time(Supplier<?> work) {
    for (int i = 0; i < 2; i++) {
      work.get();
    }
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.get();
      seconds[i] = seconds(t);
    }
    return seconds;
  }

  private static double p50(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  private static double ms(double seconds) {
    return seconds * 1000;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
