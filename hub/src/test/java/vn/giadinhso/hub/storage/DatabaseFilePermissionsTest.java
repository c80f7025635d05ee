package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;

/** Issue 10.9: hub.db, its -wal and -shm are the owner's only, and so is the data folder the hub creates. */
class DatabaseFilePermissionsTest {
  @org.junit.jupiter.api.BeforeEach
  void sqliteOnly() {
    vn.giadinhso.hub.TestDatabase.sqliteOnly("the SQLite file's permissions");
  }

  @Test
  void theDatabaseAndItsCompanionsAre0600AndTheNewDataFolder0700(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("var/giadinhso");
    Path file = data.resolve("hub.db");
    try (HubApp hub = HubApp.open(file, Clock.systemUTC())) {
      hub.audit.record("test", null, "test", "x", null); // a write, so the WAL has content
      for (String name : new String[] {"hub.db", "hub.db-wal", "hub.db-shm"}) {
        Path f = data.resolve(name);
        assertTrue(Files.exists(f), name);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), name);
      }
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.getParent())));
  }

  @Test
  void aDatabaseLeftReadableByAnOlderHubIsTightenedOnOpening(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hub.db");
    Database.open(file).close();
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Database.open(file).close();
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
  }
}
