package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;

/** The report benchmark at a toy scale: it builds, measures, and its report agrees with the log. */
class BenchReportsCommandTest {
  @TempDir Path dir;

  @Test
  void buildsADatabaseAndPrintsFiguresBesideTheirBaselines() {
    Path db = dir.resolve("bench.db");
    Cli run = Cli.run("bench-reports", "--households", "300", "--events", "5000", "--villages", "4", "--points", "2",
        "--runs", "3", "--full-scan", "--db", db.toString());
    assertEquals(0, run.exitCode(), run.err());
    if (!TestDatabase.postgres()) {
      assertTrue(Files.exists(db));
    }
    assertTrue(run.out().contains("inserted 5,000 events"), run.out());
    assertTrue(run.out().matches("(?s).*baseline: trivial query.*p50.*max.*"), run.out());
    assertTrue(run.out().matches("(?s).*commune report \\(build\\) +p50 +[0-9.]+ +max +[0-9.]+.*"), run.out());
    assertTrue(run.out().contains("report + CSV export") && run.out().contains("report + XLSX export"));
    // The pre-aggregated practice count equals what a scan of the log finds.
    var m = java.util.regex.Pattern.compile("scanning the log: [0-9.]+ s \\(([0-9,]+); the report's pre-aggregated months say ([0-9,]+)\\)")
        .matcher(run.out());
    assertTrue(m.find(), run.out());
    assertEquals(m.group(1), m.group(2));
    assertTrue(run.out().contains("report check: 300 households"), run.out());

    Cli again = Cli.run("bench-reports", "--measure-only", "--runs", "2", "--db", db.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("300 households in 1 commune (300 in an-tuong), 5,000 events"), again.out());
    Cli refused = Cli.run("bench-reports", "--households", "10", "--events", "10", "--db", db.toString());
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().matches("(?s).*(exists|already holds households).*"), refused.err());
  }

  @Test
  void rollsUpAProvinceOfSeveralCommunes() {
    Cli run = Cli.run("bench-reports", "--communes", "3", "--households", "300", "--events", "3000", "--villages", "2",
        "--points", "3", "--runs", "2", "--db", dir.resolve("province.db").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("300 households in 3 communes (100 in an-tuong)"), run.out());
    assertTrue(run.out().matches("(?s).*province roll-up \\(3 communes, 300 households\\) +p50 +[0-9.]+ +max +[0-9.]+.*"),
        run.out());
    // Every household is counted once, in its own commune; the commune report agrees with its line.
    assertTrue(run.out().contains("province check: 300 households"), run.out());
    assertTrue(run.out().matches("(?s).*province page \\(all columns, trend, table and charts\\) +p50 +[0-9.]+ +max +[0-9.]+.*"),
        run.out());
    assertTrue(run.out().contains("ratio province page p50 / trivial query p50: "), run.out());
    // The whole page as a browser gets it, signed in over HTTP, beside a small page.
    assertTrue(run.out().matches("(?s).*baseline: sign-in page over HTTP +p50 +[0-9.]+ +max +[0-9.]+.*"), run.out());
    assertTrue(run.out().matches("(?s).*province page over HTTP \\(signed in, [0-9,]+ kB of HTML\\) +p50 +[0-9.]+ +max +[0-9.]+.*"),
        run.out());
    assertTrue(run.out().contains("ratio province page over HTTP p50 / sign-in page over HTTP p50: "), run.out());
    assertTrue(run.out().contains("in 3 communes"), run.out());
    assertTrue(run.out().contains("report check: 100 households"), run.out());
  }
}
