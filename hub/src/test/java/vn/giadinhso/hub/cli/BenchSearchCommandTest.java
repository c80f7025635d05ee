package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The search benchmark at a toy scale: it builds, finds folded names, and prints figures beside its baselines. */
class BenchSearchCommandTest {
  @Test
  void buildsSearchesAndPrintsFiguresBesideTheirBaselines() {
    Cli run = Cli.run("bench-search", "--households", "2000", "--communes", "4", "--runs", "3");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("built 2,000 households in 4 communes"), run.out());
    assertTrue(run.out().matches("(?s).*baseline: lookup by primary key +p50 +[0-9.]+ +max +[0-9.]+.*"), run.out());
    // 500 households with three names from 18 family names: "tran" finds some, up to the page of 100.
    var m = java.util.regex.Pattern.compile("\"tran\" +folded p50 +[0-9.]+ max +[0-9.]+ +\\( *([0-9]+) shown\\)").matcher(run.out());
    assertTrue(m.find(), run.out());
    assertTrue(Integer.parseInt(m.group(1)) > 0, run.out());
    assertTrue(run.out().matches("(?s).*\"khong co ai\" +folded p50 +[0-9.]+ max +[0-9.]+ +\\(  0 shown\\).*ratio.*"), run.out());
  }
}
