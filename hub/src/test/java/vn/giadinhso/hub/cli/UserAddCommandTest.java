package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.UserStore;

class UserAddCommandTest {
  @TempDir Path dir;

  private Cli withStdin(String input, String... args) {
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void addsAStaffAccountForACommuneAndAnAdmin() {
    String db = dir.resolve("hub.db").toString();
    assertEquals(0, Cli.run("demo-data", "--db", db).exitCode());
    Cli staff = withStdin("mat-khau-can-bo\n", "user-add", "--db", db, "--username", "vhxh-an-tuong",
        "--commune", "an-tuong", "--password-stdin");
    assertEquals(0, staff.exitCode(), staff.err());
    assertTrue(staff.out().contains("created staff vhxh-an-tuong"));
    Cli admin = withStdin("mat-khau-quan-tri\n", "user-add", "--db", db, "--username", "quan-tri",
        "--role", "ADMIN", "--password-stdin");
    assertEquals(0, admin.exitCode(), admin.err());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(Path.of(db), Clock.systemUTC())) {
      var user = hub.users.authenticate("vhxh-an-tuong", "mat-khau-can-bo").orElseThrow();
      assertEquals(UserStore.Role.STAFF, user.role());
      assertEquals("an-tuong", user.communeId());
      assertTrue(hub.users.authenticate("quan-tri", "mat-khau-quan-tri").orElseThrow().isAdmin());
      assertEquals("user.created", hub.audit.recent(null, 10).get(0).action());
      // Whoever ran the command knows the password: its owner must choose another at first sign-in.
      assertTrue(hub.users.account("vhxh-an-tuong").orElseThrow().mustChangePassword());
      assertTrue(hub.users.account("quan-tri").orElseThrow().mustChangePassword());
      assertTrue(hub.audit.recent(null, 10).get(0).detail().contains("one-time password"));
      hub.users.changePassword("quan-tri", "mat-khau-quan-tri", "mat-khau-cua-rieng-toi");
      assertFalse(hub.users.account("quan-tri").orElseThrow().mustChangePassword());
    }
  }

  @Test
  void refusesAStaffAccountWithoutAKnownCommuneOrAShortPasswordOrAnExistingName() {
    String db = dir.resolve("hub.db").toString();
    assertEquals(0, Cli.run("demo-data", "--db", db).exitCode());
    Cli noCommune = withStdin("mat-khau-can-bo\n", "user-add", "--db", db, "--username", "x1", "--password-stdin");
    assertEquals(2, noCommune.exitCode());
    assertTrue(noCommune.err().contains("--commune"), noCommune.err());
    Cli shortPassword = withStdin("ngan\n", "user-add", "--db", db, "--username", "x2", "--commune", "an-tuong", "--password-stdin");
    assertEquals(2, shortPassword.exitCode());
    assertTrue(shortPassword.err().contains("at least 10"), shortPassword.err());
    Cli existing = withStdin("mat-khau-moi-dai\n", "user-add", "--db", db, "--username", "admin", "--role", "ADMIN", "--password-stdin");
    assertEquals(2, existing.exitCode());
    assertTrue(existing.err().contains("already exists"), existing.err());
  }

  @Test
  void addsAFieldAccountForVillagesOfOneCommuneAndRefusesOneWithoutVillages() {
    String db = dir.resolve("hub.db").toString();
    assertEquals(0, Cli.run("demo-data", "--db", db).exitCode());
    Cli field = withStdin("mat-khau-doi-cns\n", "user-add", "--db", db, "--username", "doi-hai-thon", "--role", "field",
        "--commune", "an-tuong", "--village", "Thôn Tân Thành", "--village", "Thôn Hội Long", "--password-stdin");
    assertEquals(0, field.exitCode(), field.err());
    assertTrue(field.out().contains("created field doi-hai-thon"), field.out());
    Cli noVillage = withStdin("mat-khau-doi-cns\n", "user-add", "--db", db, "--username", "doi-2", "--role", "field",
        "--commune", "an-tuong", "--password-stdin");
    assertEquals(2, noVillage.exitCode());
    assertTrue(noVillage.err().contains("--village"), noVillage.err());
    Cli unknownVillage = withStdin("mat-khau-doi-cns\n", "user-add", "--db", db, "--username", "doi-3", "--role", "field",
        "--commune", "an-tuong", "--village", "Thôn Không Có", "--password-stdin");
    assertEquals(2, unknownVillage.exitCode());
    assertTrue(unknownVillage.err().contains("no village"), unknownVillage.err());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(Path.of(db), Clock.systemUTC())) {
      var user = hub.users.find("doi-hai-thon").orElseThrow();
      assertEquals(UserStore.Role.FIELD, user.role());
      assertEquals(java.util.List.of("an-tuong"), user.communes());
      assertEquals(java.util.List.of("an-tuong/thon-hoi-long", "an-tuong/thon-tan-thanh"), user.villages());
      assertFalse(hub.authorization.canReadCommune(user, "an-tuong"), "a team member reads no commune page");
      assertTrue(hub.authorization.canWorkInVillage(user, "an-tuong", "an-tuong/thon-tan-thanh"));
      assertFalse(hub.authorization.canWorkInVillage(user, "an-tuong", "an-tuong/thon-phu-thuan"));
    }
  }
}
