package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ingest benchmark at a toy scale: every round really stores every event over HTTP (the
 * benchmark checks the hub's count after each run) and the figures are printed with their baseline.
 */
class BenchIngestCommandTest {
  @Test
  void measuresHttpIngestBesideTheRawInsertRate() {
    Cli run = Cli.run("bench-ingest", "--kiosks", "3", "--events", "3000", "--batch", "100", "--warmup", "1",
        "--rounds", "3");
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
  }

  @Test
  void refusesABatchOverTheProtocolLimit() {
    Cli run = Cli.run("bench-ingest", "--batch", "1001");
    assertEquals(2, run.exitCode(), run.out());
  }
}
