package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.audit.AuditLog;
import vn.giadinhso.hub.retention.Retention;

/** Issue 14: the operator's {@code retention run [--dry-run]}, with the periods serve takes. */
class RetentionCommandTest {
  @TempDir Path dir;

  @Test
  void aDryRunWritesNothingAndARealRunOneAuditEntry() {
    Path db = dir.resolve("hub.db");
    TestDatabase.open(db, Clock.systemUTC()).close();

    Cli dry = Cli.run("retention", "run", "--db", db.toString(), "--dry-run", "--retention-support-days", "30");
    assertEquals(0, dry.exitCode(), dry.err());
    assertTrue(dry.out().startsWith("dry run, would remove: support phones 0"), dry.out());
    assertTrue(dry.out().contains("support phones 30 d, attendance 400 d, event fields 400 d"), dry.out());
    assertEquals(0, retentionEntries(db).size(), "a dry run writes no audit entry");

    Cli run = Cli.run("retention", "run", "--db", db.toString());
    assertEquals(0, run.exitCode(), run.err());
    List<AuditLog.Entry> entries = retentionEntries(db);
    assertEquals(1, entries.size());
    assertTrue(entries.get(0).detail().startsWith("support phones 0, attendance links 0"), entries.get(0).detail());

    Cli zero = Cli.run("retention", "run", "--db", db.toString(), "--retention-event-days", "0");
    assertEquals(2, zero.exitCode());
    assertTrue(zero.err().contains("at least 1 day"), zero.err());
  }

  @Test
  void aCommuneGetsItsOwnPeriodsAndBackTheHubsDefaults() {
    Path db = dir.resolve("hub.db");
    try (HubApp hub = TestDatabase.open(db, Clock.systemUTC())) {
      vn.giadinhso.hub.units.SampleUnits.load(hub.units, "test");
    }
    String commune = "an-tuong";

    Cli set = Cli.run("retention", "set", "--db", db.toString(), "--commune", commune, "--support-days", "30");
    assertEquals(0, set.exitCode(), set.err());
    assertTrue(set.out().contains(commune + ": support phones 30 d, attendance 400 d, event fields 400 d"), set.out());

    Cli run = Cli.run("retention", "run", "--db", db.toString(), "--dry-run");
    assertTrue(run.out().contains("; " + commune + ": support phones 30 d"), "a run names the commune's own periods: "
        + run.out());

    Cli nothing = Cli.run("retention", "set", "--db", db.toString(), "--commune", commune);
    assertEquals(2, nothing.exitCode());
    assertTrue(nothing.err().contains("`retention clear --commune " + commune + "` gives back the hub's defaults"),
        nothing.err());
    Cli unknown = Cli.run("retention", "set", "--db", db.toString(), "--commune", "khong-co", "--event-days", "9");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no commune khong-co on this hub"), unknown.err());

    Cli clear = Cli.run("retention", "clear", "--db", db.toString(), "--commune", commune);
    assertEquals(0, clear.exitCode(), clear.err());
    assertEquals("hub default: support phones 90 d, attendance 400 d, event fields 400 d", clear.out().strip());
  }

  private static List<AuditLog.Entry> retentionEntries(Path db) {
    try (HubApp hub = TestDatabase.open(db, Clock.systemUTC())) {
      return hub.audit.recent(null, 50).stream().filter(e -> e.action().equals(Retention.AUDIT_ACTION)).toList();
    }
  }
}
