package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;

class ImportHouseholdsTest {
  @TempDir Path dir;
  Path db;

  static final String HEADER = "household_code,village,head_name,members,groups,flags\n";

  @BeforeEach
  void commune() throws Exception {
    db = dir.resolve("hub.db");
    Path criteria = dir.resolve("an-tuong.json");
    try (var in = getClass().getResourceAsStream("/criteria/an-tuong-2026.json")) {
      Files.copy(in, criteria);
    }
    assertEquals(0, Cli.run("import-criteria", "--db", db.toString(), criteria.toString()).exitCode());
  }

  private Cli importCsv(String content) throws Exception {
    Path csv = Files.createTempFile(dir, "households", ".csv");
    Files.writeString(csv, content, StandardCharsets.UTF_8);
    return Cli.run("import-households", "--db", db.toString(), "--commune", "an-tuong", csv.toString());
  }

  @Test
  void validRowsImportAndAReImportChangesNothing() throws Exception {
    String csv = "\uFEFF" + HEADER
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345); Trần Thị Bình (052195012346); Nguyễn Văn Cường,officials;party-youth,\n"
        + "AT-T1-0002,Thôn Tân Thành,Lê Thị Hoa,\"Lê Thị Hoa (052185000777)\",women-farmers,business;producer\n";
    Cli first = importCsv(csv);
    assertEquals(0, first.exitCode(), first.out() + first.err());
    assertTrue(first.out().contains("created 2, updated 0, unchanged 0, rejected 0"), first.out());
    Cli again = importCsv(csv);
    assertEquals(0, again.exitCode());
    assertTrue(again.out().contains("created 0, updated 0, unchanged 2, rejected 0"), again.out());
    Cli changed = importCsv(csv.replace("Lê Thị Hoa,\"", "Lê Thị Hòa,\""));
    assertTrue(changed.out().contains("created 0, updated 1, unchanged 1"), changed.out());

    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      var household = hub.households.find("AT-T1-0001").orElseThrow().household();
      assertEquals(3, household.members().size());
      assertEquals("**********45", household.members().get(0).idMasked());
      assertEquals(hub.memberKeys.hash("an-tuong", "052190012345"), household.members().get(0).idHash());
      assertEquals(null, household.members().get(2).idHash(), "a child without a card");
      assertEquals(java.util.Set.of("officials", "party-youth"), household.groups());
      // The report figures were brought up to date by the import, not left to the first report.
      long reportRev = hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT rev FROM report_cursor WHERE commune_id = 'an-tuong'").mapTo(Long.class).one());
      assertEquals(vn.giadinhso.hub.storage.Revisions.current(hub.db), reportRev);
    }
    String stored = vn.giadinhso.hub.TestDatabase.postgres() ? vn.giadinhso.hub.TestDatabase.everyRowAsText(db)
        : new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1)
        + (Files.exists(dir.resolve("hub.db-wal")) ? new String(Files.readAllBytes(dir.resolve("hub.db-wal")), StandardCharsets.ISO_8859_1) : "");
    assertFalse(stored.contains("052190012345"), "plain ID numbers must never reach the database");
  }

  /** Staff tick "officials" on the dashboard; next month's roster file must not silently untick it. */
  @Test
  void groupsAndFlagsStaffSetSurviveAReImportUnlessTheFileIsToldToWin() throws Exception {
    String csv = HEADER
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345),party-youth,\n"
        + "AT-T1-0002,Thôn Tân Thành,Lê Thị Hoa,Lê Thị Hoa (052185000777),women-farmers,\n";
    assertEquals(0, importCsv(csv).exitCode());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      new vn.giadinhso.hub.dashboard.HouseholdLabels(hub.households, hub.criteria, hub.audit).update("an-tuong",
          "AT-T1-0001", java.util.Set.of("officials", "party-youth"), java.util.Set.of("business"), "can-bo-a");
    }

    Cli again = importCsv(csv);
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("created 0, updated 0, unchanged 2, rejected 0"), again.out());
    assertTrue(again.out().contains("kept the groups/flags staff set on the dashboard for 1 household(s)"), again.out());
    // A change elsewhere in the row is still imported; the labels stay the staff's.
    Cli renamed = importCsv(csv.replace("Nguyễn Văn An,Nguyễn Văn An", "Nguyễn Văn Ân,Nguyễn Văn Ân"));
    assertTrue(renamed.out().contains("created 0, updated 1, unchanged 1"), renamed.out());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      var household = hub.households.find("AT-T1-0001").orElseThrow().household();
      assertEquals("Nguyễn Văn Ân", household.headName());
      assertEquals(java.util.Set.of("officials", "party-youth"), household.groups());
      assertEquals(java.util.Set.of("business"), household.flags());
    }

    Path file = Files.createTempFile(dir, "households", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    Cli fileWins = Cli.run("import-households", "--db", db.toString(), "--commune", "an-tuong", "--labels-from-csv",
        file.toString());
    assertEquals(0, fileWins.exitCode(), fileWins.err());
    assertTrue(fileWins.out().contains("created 0, updated 1, unchanged 1"), fileWins.out());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      var household = hub.households.find("AT-T1-0001").orElseThrow().household();
      assertEquals(java.util.Set.of("party-youth"), household.groups());
      assertEquals(java.util.Set.of(), household.flags());
    }
    // From then on the file decides, with nothing more to report.
    Cli after = importCsv(csv.replace(",party-youth,", ",officials,"));
    assertTrue(after.out().contains("created 0, updated 1, unchanged 1"), after.out());
    assertFalse(after.out().contains("kept"), after.out());
  }

  @Test
  void badRowsAreRejectedWithLineAndReasonWhileGoodRowsImport() throws Exception {
    String csv = HEADER
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345),,\n"          // line 2 ok
        + "at-bad,Thôn Tân Thành,Nguyễn Văn B,Nguyễn Văn B (052190012347),,\n"                // 3 bad code
        + "AT-T1-0003,,Nguyễn Văn C,Nguyễn Văn C (052190012348),,\n"                          // 4 no village
        + "AT-T1-0004,Thôn Tân Thành,Nguyễn Văn D,Nguyễn Văn D (05219001234),,\n"             // 5 11 digits
        + "AT-T1-0005,Thôn Tân Thành,Nguyễn Văn E,Nguyễn Văn E (999190012349),,\n"            // 6 no province 999
        + "AT-T1-0006,Thôn Tân Thành,Nguyễn Văn F,Nguyễn Văn F (052190012345),,\n"            // 7 ID of household 0001
        + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An (052190012345),,\n"          // 8 code repeated
        + "AT-T1-0008,Thôn Tân Thành,Nguyễn Văn H,Nguyễn Văn H (052190012350),veterans,\n"    // 9 unknown group
        + "AT-T1-0009,Thôn Tân Thành,Nguyễn Văn I,Nguyễn Văn I (052190012351),,hotel\n"       // 10 unknown flag
        + "AT-T1-0010,Thôn Tân Thành,Nguyễn Văn K,Nguyễn Văn K 052190012352,,\n"              // 11 ID not in brackets
        + "AT-T1-0011,Thôn Tân Thành,Nguyễn Văn L\n"                                           // 12 too few fields
        + "AT-T1-0012,Thôn Tân Thành,Nguyễn Văn M,,,\n"                                        // 13 no members
        + "AT-T1-0013,Thôn Hội Long,Phạm Thị N,Phạm Thị N (052195012353),women-farmers,\n";   // 14 ok
    Cli result = importCsv(csv);
    assertEquals(1, result.exitCode());
    String out = result.out();
    assertTrue(out.contains("created 2, updated 0, unchanged 0, rejected 11"), out);
    assertTrue(out.contains("rejected line 3: household_code must be 1-32 of A-Z 0-9 -"), out);
    assertTrue(out.contains("rejected line 4: village is empty"), out);
    assertTrue(out.contains("rejected line 5: members: member 1: the ID number in brackets must be 12 digits"), out);
    assertTrue(out.contains("rejected line 6: members: member 1: the ID number in brackets must be 12 digits "
        + "starting with a province code"), out);
    assertTrue(out.contains("rejected line 7: members: member 1's ID number is already a member's of household "
        + "AT-T1-0001"), out);
    assertTrue(out.contains("rejected line 8: household_code already appears on line 2"), out);
    assertTrue(out.contains("rejected line 9: groups: item 1 is not one of"), out);
    assertTrue(out.contains("rejected line 10: flags: item 1 is not one of"), out);
    assertTrue(out.contains("rejected line 11: members: member 1: write the ID number in brackets"), out);
    assertTrue(out.contains("rejected line 12: expected 6 fields, found 3"), out);
    assertTrue(out.contains("rejected line 13: members is empty"), out);
    // No reason repeats a cell: not the bad code, the names (even masked), the group or flag, any digits of an ID.
    for (String cell : List.of("at-bad", "Nguyễn V.", "veterans", "hotel", "999", "0521", "******")) {
      assertFalse(out.contains(cell), () -> "a reason repeats \"" + cell + "\": " + out);
    }
    assertFalse(out.contains("05219001234"), "reasons must not repeat ID numbers");
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, Clock.systemUTC())) {
      assertEquals(2, hub.households.count("an-tuong"));
    }
  }

  @Test
  void aFileWithoutTheColumnsIsRejectedAsAWhole() throws Exception {
    Cli result = importCsv("code;village\nAT-1;x\n");
    assertEquals(1, result.exitCode());
    assertTrue(result.out().contains("rejected line 1: header lacks column(s)"), result.out());
  }

  @Test
  void anUnknownCommuneIsAClearError() throws Exception {
    Path csv = dir.resolve("x.csv");
    Files.writeString(csv, HEADER);
    Cli result = Cli.run("import-households", "--db", db.toString(), "--commune", "nowhere", csv.toString());
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("unknown commune nowhere"));
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedNotMangled() throws Exception {
    Path csv = dir.resolve("latin1.csv");
    Files.write(csv, (HEADER + "AT-T1-0001,Thôn Tân Thành,Nguyễn Văn An,Nguyễn Văn An,,\n").getBytes(StandardCharsets.UTF_16LE));
    Cli result = Cli.run("import-households", "--db", db.toString(), "--commune", "an-tuong", csv.toString());
    assertEquals(1, result.exitCode());
  }

  @Test
  void largeFilesShowProgress() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 1; i <= 20_500; i++) {
      csv.append(String.format("AT-X-%05d,Thôn %d,Nguyễn Văn An,Nguyễn Văn An (0521%08d),,%n", i, i % 7, i));
    }
    Cli result = importCsv(csv.toString());
    assertEquals(0, result.exitCode(), result.out());
    assertTrue(result.err().contains("10000 rows read") && result.err().contains("20000 rows read"), result.err());
    assertTrue(result.out().contains("created 20500"));
  }

  /** Issue 10 point 7: ID numbers in names or codes, in any shape, never reach the roster (or kiosks). */
  @Test
  void anIdNumberInANameOrCodeIsRefusedWithoutRepeatingIt() throws Exception {
    String csv = HEADER
        + "AT-T1-0001,Thôn Tân Thành,Trần V. S. 052190099903,Trần Văn Sáu (052190012345),,\n"       // 2 head's name
        + "AT-T1-0002,Thôn Tân Thành,Trần Văn Bảy,Trần V. B. 0521 9009 9904 (052190012346),,\n"    // 3 member's name
        + "AT-T1-0003,Thôn Tân Thành,Trần Văn Tám,Trần Văn Tám ０５２１９００９９９０５,,\n"              // 4 member, full-width
        + "052190099906,Thôn Tân Thành,Trần Văn Chín,Trần Văn Chín (052190012347),,\n"              // 5 code
        + "0521-9009-9907,Thôn Tân Thành,Trần Văn Mười,Trần Văn Mười (052190012348),,\n"            // 6 code, dashed
        + "AT-T1-0006,Thôn Tân Thành,Trần Thị Một,Trần Thị Một (052190012349),,\n";                // 7 ok
    Cli result = importCsv(csv);
    String out = result.out();
    assertTrue(out.contains("created 1, updated 0, unchanged 0, rejected 5"), out);
    assertTrue(out.contains("rejected line 2: head_name contains what looks like a citizen ID number"), out);
    assertTrue(out.contains("rejected line 3: members: member 1: the name contains what looks like a citizen ID"), out);
    assertTrue(out.contains("rejected line 4: members: member 1: write the ID number in brackets"), out);
    assertTrue(out.contains("rejected line 5: household_code looks like a citizen ID number"), out);
    assertTrue(out.contains("rejected line 6: household_code looks like a citizen ID number"), out);
    for (String digits : List.of("9903", "9904", "9905", "０５", "9906", "9907", "Trần V.", "Trần Văn")) {
      assertFalse(out.contains(digits) || result.err().contains(digits), () -> "repeated " + digits + ": " + out);
    }
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(db, java.time.Clock.systemUTC())) {
      assertEquals(1, hub.households.count("an-tuong"));
    }
    for (Path file : List.of(db, Path.of(db + "-wal"))) {
      String stored = Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
      assertFalse(stored.contains("52190099903") || stored.contains("9009 99"), "no ID number in " + file);
    }
  }
}
