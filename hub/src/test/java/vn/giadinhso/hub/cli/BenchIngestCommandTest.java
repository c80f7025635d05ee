package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.TestDatabase;

/**
 * The ingest benchmark at a toy scale: every round really stores every event over HTTP (the
 * benchmark checks the hub's count after each run) and the figures are printed with their baseline.
 */
class BenchIngestCommandTest {
  @Test
  void measuresHttpIngestBesideTheRawInsertRate() {
    // On the PostgreSQL run: a database of the embedded server, for the hub and the baseline table.
    String[] onThisRunsDatabase = TestDatabase.postgres()
        ? new String[] {"--db", TestDatabase.url(TestDatabase.newPostgresDatabase())} : new String[0];
    Cli run = Cli.run(concat(new String[] {"bench-ingest", "--kiosks", "3", "--events", "3000", "--batch", "100",
        "--warmup", "1", "--rounds", "3"}, onThisRunsDatabase));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("warm-up: 30"), run.out());
    Matcher rounds = Pattern.compile("round \\d: raw [0-9,]+ rows/s, HTTP [0-9,]+ events/s, ratio [0-9.]+").matcher(run.out());
    int measured = 0;
    while (rounds.find()) {
      measured++;
    }
    assertEquals(3, measured, run.out());
    Matcher ratio = Pattern.compile("ratio HTTP / raw, median of the rounds' own ratios: ([0-9.]+) \\(lowest ([0-9.]+), highest ([0-9.]+)")
        .matcher(run.out());
    assertTrue(ratio.find(), run.out());
    double median = Double.parseDouble(ratio.group(1));
    assertTrue(median > 0 && Double.parseDouble(ratio.group(2)) <= median && median <= Double.parseDouble(ratio.group(3)),
        run.out());
    assertTrue(run.out().matches("(?s).*hub requests +[0-9.]+.*kiosk clients +[0-9.]+.*"), run.out());
    assertTrue(run.out().contains("database: " + (TestDatabase.postgres() ? "jdbc:postgresql:" : "SQLite")), run.out());
    assertTrue(run.out().contains("3 kiosks (2 per support point)"), run.out());
  }

  @Test
  void refusesADatabaseThatAlreadyHoldsEvents() {
    org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.postgres(), "--db takes PostgreSQL URLs only");
    String url = TestDatabase.url(TestDatabase.newPostgresDatabase());
    assertEquals(0, Cli.run("bench-ingest", "--kiosks", "1", "--events", "100", "--batch", "100", "--warmup", "0",
        "--rounds", "1", "--db", url).exitCode());
    Cli again = Cli.run("bench-ingest", "--kiosks", "1", "--events", "100", "--batch", "100", "--warmup", "0",
        "--rounds", "1", "--db", url);
    assertEquals(2, again.exitCode(), again.out());
    assertTrue(again.err().contains("already holds events"), again.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void refusesABatchOverTheProtocolLimit() {
    Cli run = Cli.run("bench-ingest", "--batch", "1001");
    assertEquals(2, run.exitCode(), run.out());
  }
}
