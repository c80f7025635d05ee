package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.units.Commune;

/** import-units (docs/units.md) and user-add with the issue 12 roles. */
class ImportUnitsCommandTest {
  static final String HEADER = "province_code,province_name,commune_code,commune_name,commune_id,source\n";

  @TempDir Path dir;

  private String db() {
    String db = dir.resolve("hub.db").toString();
    assertEquals(0, Cli.run(TestDatabase.cliArgs("demo-data", "--db", db)).exitCode());
    return db;
  }

  private Path file(String content) throws Exception {
    Path file = dir.resolve("units.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aFileWithBadRowsIsRefusedWholeWithEachLineAndReason() throws Exception {
    String db = db();
    Path file = file(HEADER
        + "52,Gia Lai,,Ân Tường,an-tuong,Danh mục\n"             // 2 fine
        + "5,Gia Lai,,Xã Một,,Danh mục\n"                         // 3 province code not two digits
        + "52,Gia Lai,1234,Xã Hai,,Danh mục\n"                    // 4 commune code not five digits
        + "52,Gia Lai,,Xã Ba,,\n"                                 // 5 no source
        + "52,Gia Lai Khác,,Xã Bốn,,Danh mục\n"                   // 6 another name for 52
        + "52,Gia Lai,,,Xa_Sai,Danh mục\n");                      // 7 id but no name
    Cli run = Cli.run(TestDatabase.cliArgs("import-units", "--db", db, "--file", file.toString()));
    assertEquals(2, run.exitCode());
    for (String expected : List.of("line 3: province_code", "line 4: commune_code", "line 5: source",
        "line 6: province_code 52 is named", "line 7: commune_name is required", "nothing was imported")) {
      assertTrue(run.err().contains(expected), expected + " in " + run.err());
    }
    try (HubApp hub = TestDatabase.open(Path.of(db), Clock.systemUTC())) {
      assertEquals("Ân Tường", hub.units.commune("an-tuong").orElseThrow().name(), "nothing applied");
      assertEquals(1, hub.units.imports().size(), "only the demo's own sample import");
    }
  }

  @Test
  void aGoodFileAddsCodesAndCommunesAndRecordsItsSource() throws Exception {
    String db = db();
    // Codes here are for the test only (the real ones come from the statistics office's catalogue).
    Path file = file("\uFEFF" + HEADER
        + "52,Gia Lai,99901,Ân Tường,,Tệp thử nghiệm\n"     // matched by name within the province: gains a code
        + "52,Gia Lai,99902,Xã Đăk Thử,,Tệp thử nghiệm\n"   // new: id from its name
        + "52,Gia Lai,,,,Tệp thử nghiệm\n");               // a province alone
    Cli run = Cli.run(TestDatabase.cliArgs("import-units", "--db", db, "--file", file.toString()));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("imported 1 province(s), 2 commune(s)"), run.out());
    try (HubApp hub = TestDatabase.open(Path.of(db), Clock.systemUTC())) {
      assertEquals("99901", hub.units.commune("an-tuong").orElseThrow().code(), "the existing id keeps working");
      Commune added = hub.units.commune("dak-thu").orElseThrow();
      assertEquals("52", added.provinceCode());
      assertEquals("Tệp thử nghiệm", added.source());
      assertEquals("Tệp thử nghiệm", hub.units.imports().get(0).sources());
      assertEquals(List.of("an-tuong", "dak-thu", "kon-chieng"),
          hub.units.communes("52").stream().map(Commune::id).sorted().toList());
      assertTrue(hub.audit.recent(null, 5).stream().anyMatch(e -> e.action().equals("units.imported")));
    }

    // A code already held by another commune: the whole file is refused.
    Path clash = file(HEADER + "52,Gia Lai,99901,Kon Chiêng,kon-chieng,Tệp thử nghiệm\n");
    Cli refused = Cli.run(TestDatabase.cliArgs("import-units", "--db", db, "--file", clash.toString()));
    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("line 2: commune_code 99901 belongs to commune an-tuong"), refused.err());
  }

  @Test
  void userAddGivesTheNewRoles() throws Exception {
    String db = db();
    assertEquals(0, withStdin("mat-khau-can-bo-tinh\n", "user-add", "--db", db, "--username", "tinh",
        "--role", "province", "--province", "52", "--password-stdin").exitCode());
    assertEquals(0, withStdin("mat-khau-can-bo-xa\n", "user-add", "--db", db, "--username", "hai-xa",
        "--role", "staff", "--commune", "an-tuong", "--commune", "kon-chieng", "--password-stdin").exitCode());
    assertEquals(0, withStdin("mat-khau-nguoi-xem\n", "user-add", "--db", db, "--username", "xem",
        "--role", "viewer", "--province", "52", "--password-stdin").exitCode());
    Cli noProvince = withStdin("mat-khau-nguoi-xem\n", "user-add", "--db", db, "--username", "xem2",
        "--role", "viewer", "--password-stdin");
    assertEquals(2, noProvince.exitCode());
    assertTrue(noProvince.err().contains("a viewer reads either one province or one or more communes"), noProvince.err());
    Cli unknown = withStdin("mat-khau-nguoi-xem\n", "user-add", "--db", db, "--username", "tinh2",
        "--role", "province", "--province", "53", "--password-stdin");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("not a known province code"), unknown.err());
    try (HubApp hub = TestDatabase.open(Path.of(db), Clock.systemUTC())) {
      assertEquals(UserStore.Role.PROVINCE, hub.users.find("tinh").orElseThrow().role());
      assertEquals("52", hub.users.find("tinh").orElseThrow().provinceCode());
      assertEquals(List.of("an-tuong", "kon-chieng"), hub.users.find("hai-xa").orElseThrow().communes());
      assertEquals(UserStore.Role.VIEWER, hub.users.find("xem").orElseThrow().role());
    }
  }

  private static Cli withStdin(String input, String... args) {
    var original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(TestDatabase.cliArgs(args));
    } finally {
      System.setIn(original);
    }
  }
}
