package vn.giadinhso.hub.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;

/**
 * Issue 11: a hub started with secrets that are not its database's refuses with a message naming
 * the files, and writes nothing; with its own secrets it starts. On both databases.
 */
class SecretsFingerprintTest {
  @TempDir Path dir;

  private Path db() {
    return dir.resolve("hub.db");
  }

  private HubApp open(Path secrets) {
    return HubApp.open(TestDatabase.location(db()), secrets, 2, Clock.systemUTC());
  }

  @Test
  void theHubStartsAgainWithItsOwnSecrets() {
    Path secrets = TestDatabase.secrets(db());
    try (HubApp hub = open(secrets)) {
      assertEquals(SecretsFingerprint.of(hub.secrets), SecretsFingerprint.recorded(hub.db).orElseThrow());
    }
    try (HubApp hub = open(secrets)) {
      assertTrue(SecretsFingerprint.recorded(hub.db).isPresent());
    }
  }

  @Test
  void anotherDeploymentsSecretsAreRefusedAndNothingIsWritten() throws Exception {
    open(TestDatabase.secrets(db())).close();
    Path other = dir.resolve("other").resolve("hub.db.secrets.json");
    Files.createDirectories(other.getParent());
    HubSecrets.loadOrCreate(other);
    String before = everyRow();

    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(other).close());
    assertTrue(refused.getMessage().contains("was created with other secrets"), refused.getMessage());
    assertTrue(refused.getMessage().contains(other.toString()), "names the secrets file given: " + refused.getMessage());
    assertTrue(refused.getMessage().contains("--secrets"), refused.getMessage());
    assertEquals(before, everyRow(), "nothing written");
  }

  @Test
  void aMistypedSecretsPathIsRefusedWithoutLeavingAKeyFileBehind() throws Exception {
    open(TestDatabase.secrets(db())).close();
    Path typo = dir.resolve("hub.db.secret.json");
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> open(typo).close());
    assertTrue(refused.getMessage().contains(typo.toString()), refused.getMessage());
    assertFalse(Files.exists(typo), "no new secrets file was created");
  }

  @Test
  void aDatabaseFromBeforeTheFingerprintGetsItAtItsNextStart() throws Exception {
    Path secrets = TestDatabase.secrets(db());
    open(secrets).close();
    try (Connection c = TestDatabase.connect(db()); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM hub_setting");
    }
    try (HubApp hub = open(secrets)) {
      assertEquals(SecretsFingerprint.of(hub.secrets), SecretsFingerprint.recorded(hub.db).orElseThrow());
    }
    Path other = dir.resolve("other.secrets.json");
    HubSecrets.loadOrCreate(other);
    assertThrows(SecretsFingerprint.WrongSecretsException.class, () -> open(other).close());
  }

  /** Every row of every table, as text. */
  private String everyRow() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Connection c = TestDatabase.connect(db())) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
      try (Statement s = c.createStatement()) {
        for (String table : tables) {
          try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              all.append(table).append(':');
              for (int i = 1; i <= n; i++) {
                all.append(rs.getString(i)).append('|');
              }
              all.append('\n');
            }
          }
        }
      }
    }
    return all.toString();
  }
}
