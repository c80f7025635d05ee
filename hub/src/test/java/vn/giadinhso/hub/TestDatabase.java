package vn.giadinhso.hub;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * The database every test hub uses in this run: a SQLite file, or (with
 * {@code -Dgiadinhso.test.db=postgresql}, the second surefire execution) a fresh database on one
 * embedded PostgreSQL 17 per JVM. A test names its hub by a folder, as it always did
 * ({@code dir.resolve("hub.db")}); here that name becomes a SQLite file or a PostgreSQL database of
 * its own, the same one each time the test opens it again.
 *
 * <p>When PostgreSQL cannot start, tests skip with the reason, except under
 * {@code REQUIRE_SYSTEM_TESTS=1} (CI), where they fail.
 */
public final class TestDatabase {
  private static final String MODE = System.getProperty("giadinhso.test.db", "sqlite");
  private static final Map<Path, DatabaseLocation> LOCATIONS = new ConcurrentHashMap<>();
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String TEMPLATE = "gds_template";

  private static EmbeddedPostgres server;
  private static Throwable failedToStart;

  private TestDatabase() {}

  public static boolean postgres() {
    return MODE.equalsIgnoreCase("postgresql");
  }

  /** Skips the calling test on the PostgreSQL run: it is about the SQLite file itself. */
  public static void sqliteOnly(String why) {
    Assumptions.assumeFalse(postgres(), "SQLite only: " + why);
  }

  /** The database a test means by this SQLite file name. */
  public static DatabaseLocation location(Path sqliteFile) {
    if (!postgres()) {
      return new DatabaseLocation.SqliteFile(sqliteFile);
    }
    return LOCATIONS.computeIfAbsent(sqliteFile.toAbsolutePath().normalize(), f -> freshPostgresDatabase());
  }

  /** Where that hub's secrets are: beside the SQLite file, or beside where it would be. */
  public static Path secrets(Path sqliteFile) {
    return HubSecrets.fileFor(sqliteFile);
  }

  public static HubApp open(Path sqliteFile, Clock clock) {
    return HubApp.open(location(sqliteFile), secrets(sqliteFile), 4, clock);
  }

  public static Database openDatabase(Path sqliteFile) {
    return Database.open(location(sqliteFile), 4);
  }

  /** A plain JDBC connection of its own to that hub's database, as an operator's SQL client would have. */
  public static Connection connect(Path sqliteFile) throws SQLException {
    DatabaseLocation location = location(sqliteFile);
    if (location instanceof DatabaseLocation.Postgres pg) {
      return java.sql.DriverManager.getConnection(pg.jdbcUrl(), pg.user().orElse(null), pg.password().orElse(null));
    }
    return java.sql.DriverManager.getConnection("jdbc:sqlite:" + sqliteFile);
  }

  /** Every row of every table of that hub's database, as text (what a dump would contain). */
  public static String everyRowAsText(Path sqliteFile) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Connection c = connect(sqliteFile); Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (var rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (var rs = s.executeQuery("SELECT t::text FROM \"" + table + "\" t")) {
          while (rs.next()) {
            all.append(rs.getString(1)).append('\n');
          }
        }
      }
    }
    return all.toString();
  }

  /**
   * A command line's arguments with {@code --db FILE} turned into this run's database (a URL and
   * {@code --secrets} on PostgreSQL), so CLI tests run on both.
   */
  public static String[] cliArgs(String... args) {
    if (!postgres()) {
      return args;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--db") && i + 1 < args.length && !args[i + 1].contains("://")) {
        Path file = Path.of(args[++i]);
        DatabaseLocation.Postgres pg = (DatabaseLocation.Postgres) location(file);
        out.add("--db");
        out.add(url(pg));
        out.add("--secrets");
        out.add(secrets(file).toString());
      } else {
        out.add(args[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  /** The database as an operator would type it. */
  public static String url(DatabaseLocation.Postgres pg) {
    return pg.jdbcUrl() + (pg.jdbcUrl().contains("?") ? "&" : "?") + "user=" + pg.user().orElse("postgres");
  }

  /**
   * A new, migrated PostgreSQL database on the embedded server, whatever this run's mode (tests
   * that need both databases at once, e.g. copy-database). Skips or fails as {@link #location} does
   * when PostgreSQL cannot start.
   */
  public static DatabaseLocation.Postgres newPostgresDatabase() {
    return (DatabaseLocation.Postgres) freshPostgresDatabase();
  }

  /**
   * A new PostgreSQL database with no schema at all (the C collation, as the template), for tests
   * that migrate an old schema forward. Skips or fails as {@link #location} does.
   */
  public static DatabaseLocation.Postgres emptyPostgresDatabase() {
    EmbeddedPostgres pg = server();
    String name = "empty_" + NEXT.incrementAndGet();
    execute(pg, "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    return new DatabaseLocation.Postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null);
  }

  private static DatabaseLocation freshPostgresDatabase() {
    EmbeddedPostgres pg = server();
    String name = "hub_" + NEXT.incrementAndGet();
    execute(pg, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return new DatabaseLocation.Postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name, "postgres", null);
  }

  private static synchronized EmbeddedPostgres server() {
    if (server != null) {
      return server;
    }
    if (failedToStart == null) {
      try {
        EmbeddedPostgres started = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (java.io.IOException ignored) {
            // the JVM is ending; the data folder is a temporary one
          }
        }));
        // One migrated template, copied per test hub: CREATE DATABASE … TEMPLATE takes a fraction of
        // running the migrations each time. The C collation sorts text by code point, as SQLite does.
        execute(started, "CREATE DATABASE " + TEMPLATE + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        Database.open(new DatabaseLocation.Postgres(
            "jdbc:postgresql://localhost:" + started.getPort() + "/" + TEMPLATE, "postgres", null), 2).close();
        server = started;
        return server;
      } catch (Exception | Error e) {
        failedToStart = e;
      }
    }
    String message = "PostgreSQL (embedded, for -Dgiadinhso.test.db=postgresql) could not start: " + failedToStart;
    if ("1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
      Assertions.fail(message, failedToStart);
    }
    Assumptions.abort(message + " (set REQUIRE_SYSTEM_TESTS=1 to fail instead)");
    throw new AssertionError("unreachable");
  }

  private static void execute(EmbeddedPostgres pg, String sql) {
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
