package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.storage.DatabaseLocation;
import vn.giadinhso.hub.web.ClientAddress;
import vn.giadinhso.hub.web.HubHttp;
import vn.giadinhso.protocol.HouseholdQr;
import vn.giadinhso.protocol.Uuid7;

/**
 * Issue 14: {@code backup} copies a running hub while a kiosk posts, and {@code restore} brings it
 * back on a new database and data folder: every event acknowledged before the backup began is
 * there once, the kiosk carries on with its token (a batch sent again is still a duplicate), and a
 * household QR card printed before the backup still verifies. Both databases (TestDatabase).
 */
class BackupRestoreTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final String PASSPHRASE = "cum-tu-bi-mat-cua-xa-an-tuong";
  private static final String POINT = "an-tuong-nvh-tan-thanh";

  @TempDir Path dir;

  @Test
  void aBackupTakenWhileAKioskPostsRestoresEveryAcknowledgedEvent() throws Exception {
    Path db = dir.resolve("hub.db");
    Cli demo = Cli.run("demo-data", "--db", db.toString());
    assertEquals(0, demo.exitCode(), demo.err());
    Path passphraseFile = passphrase(PASSPHRASE);
    Path backup = dir.resolve("backups").resolve("nightly.gdsbackup");

    List<String> acknowledgedBefore = new ArrayList<>();
    List<String> acknowledgedDuring = Collections.synchronizedList(new ArrayList<>());
    String firstBatch;
    String card;
    Enrolment kiosk;
    try (HubApp hub = TestDatabase.open(db, Clock.systemUTC())) {
      kiosk = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode(POINT));
      String household = hub.db.reader().withHandle(h -> h.createQuery(
          "SELECT code FROM household WHERE commune_id = 'an-tuong' ORDER BY code LIMIT 1").mapTo(String.class).one());
      card = hub.cards.payload("an-tuong", household, LocalDate.now(ZoneOffset.UTC));
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      ExecutorService kioskThread = Executors.newSingleThreadExecutor();
      try {
        Uuid7 ids = new Uuid7(Clock.systemUTC());
        List<String> first = batchIds(ids, 200);
        firstBatch = batch(first);
        assertEquals(200, posted(http, kiosk, firstBatch).get("accepted").asInt());
        acknowledgedBefore.addAll(first);

        // The kiosk keeps posting, before, during and after the backup.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger batches = new AtomicInteger();
        Future<?> posting = kioskThread.submit(() -> {
          while (!stop.get()) {
            List<String> more = batchIds(ids, 50);
            assertEquals(50, posted(http, kiosk, batch(more)).get("accepted").asInt());
            acknowledgedDuring.addAll(more);
            batches.incrementAndGet();
          }
          return null;
        });
        Awaitility.await().until(() -> batches.get() >= 2);
        List<String> snapshotOfAcknowledged;
        synchronized (acknowledgedDuring) {
          snapshotOfAcknowledged = new ArrayList<>(acknowledgedDuring);
        }
        int batchesBefore = batches.get();
        Cli made = Cli.run("backup", "--db", db.toString(), "--to", backup.toString(),
            "--passphrase-file", passphraseFile.toString());
        assertEquals(0, made.exitCode(), made.out() + made.err());
        int batchesAfter = batches.get();
        stop.set(true);
        posting.get();
        acknowledgedBefore.addAll(snapshotOfAcknowledged);
        assertTrue(batchesAfter > batchesBefore, "the kiosk was posting while the backup ran");
        assertTrue(made.out().contains(TestDatabase.postgres() ? "table/event" : "database.sqlite"), made.out());
      } finally {
        kioskThread.shutdownNow();
        http.stop();
      }
    }

    // Nothing personal in the clear: the file starts with its manifest, the rest is sealed.
    byte[] file = Files.readAllBytes(backup);
    String asText = new String(file, StandardCharsets.ISO_8859_1);
    assertTrue(asText.startsWith("GIADINHSO-BACKUP\n"));
    assertFalse(asText.contains("memberHashMasterKey"), "the secrets are sealed");
    assertFalse(asText.contains(acknowledgedBefore.get(0)), "the event log is sealed");

    // A new machine: a new, empty database and data folder.
    Path newMachine = dir.resolve("new-machine");
    Files.createDirectories(newMachine);
    Restored restored = restore(backup, newMachine, passphraseFile);
    assertEquals(0, restored.cli().exitCode(), restored.cli().out() + restored.cli().err());
    assertTrue(restored.cli().out().contains("as backed up"), restored.cli().out());

    try (HubApp hub = HubApp.open(restored.location(), restored.secrets(), 2, Clock.systemUTC())) {
      long present = hub.db.reader().withHandle(h -> h.createQuery("SELECT count(*) FROM event WHERE id IN (<ids>)")
          .bindList("ids", acknowledgedBefore).mapTo(Long.class).one());
      assertEquals(acknowledgedBefore.size(), present, "every event acknowledged before the backup began");
      long distinct = hub.db.reader().withHandle(h -> h.createQuery("SELECT count(DISTINCT id) FROM event")
          .mapTo(Long.class).one());
      assertEquals(hub.events.count(), distinct, "none doubled");

      // The restored hub starts, knows the kiosk, and still recognises what it already has.
      Javalin http = HubHttp.create(hub, "test", null, ClientAddress.none()).start("127.0.0.1", 0);
      try {
        JsonNode again = posted(http, kiosk, firstBatch);
        assertEquals(0, again.get("accepted").asInt(), again.toString());
        assertEquals(200, again.get("duplicates").asInt(), again.toString());
      } finally {
        http.stop();
      }
      assertTrue(HouseholdQr.verify(card, hub.secrets.signingKeys().getPublic()).isPresent(),
          "a household card printed before the backup verifies with the restored keys");
    }
  }

  @Test
  void restoreRefusesAWrongPassphraseANonEmptyTargetAndANewerSchema() throws Exception {
    Path db = dir.resolve("hub.db");
    TestDatabase.open(db, Clock.systemUTC()).close();
    Path backup = dir.resolve("hub.gdsbackup");
    Cli made = Cli.run("backup", "--db", db.toString(), "--to", backup.toString(),
        "--passphrase-file", passphrase(PASSPHRASE).toString());
    assertEquals(0, made.exitCode(), made.err());

    Path newMachine = dir.resolve("new-machine");
    Files.createDirectories(newMachine);
    Restored wrong = restore(backup, newMachine, passphrase("not-the-passphrase-at-all"));
    assertEquals(1, wrong.cli().exitCode());
    assertTrue(wrong.cli().err().contains("wrong passphrase"), wrong.cli().err());
    assertFalse(Files.exists(wrong.secrets()), "nothing written");

    // Into the hub's own (non-empty) database.
    Cli onto = Cli.run("restore", "--from", backup.toString(), "--db", db.toString(),
        "--passphrase-file", passphrase(PASSPHRASE).toString());
    assertEquals(1, onto.exitCode());
    assertTrue(onto.err().contains("not empty") || onto.err().contains("exists already"), onto.err());

    // A backup from a hub with a newer schema than this one.
    Path newer = dir.resolve("newer.gdsbackup");
    Files.write(newer, withManifest(Files.readAllBytes(backup), m -> m.put("schemaVersion", "999")));
    Restored refused = restore(newer, dir.resolve("third-machine"), passphrase(PASSPHRASE));
    assertEquals(1, refused.cli().exitCode());
    assertTrue(refused.cli().err().contains("newer hub"), refused.cli().err());

    // A damaged file does not restore either.
    byte[] damaged = Files.readAllBytes(backup);
    damaged[damaged.length - 40] ^= 1;
    Path broken = dir.resolve("broken.gdsbackup");
    Files.write(broken, damaged);
    Restored notRestored = restore(broken, dir.resolve("fourth-machine"), passphrase(PASSPHRASE));
    assertNotEquals(0, notRestored.cli().exitCode());
    assertTrue(notRestored.cli().err().contains("damaged"), notRestored.cli().err());
  }

  @Test
  void aSqliteBackupRestoresIntoPostgresql() throws Exception {
    TestDatabase.sqliteOnly("backs up a SQLite file of its own and restores it into a PostgreSQL database");
    Path db = dir.resolve("hub.db");
    assertEquals(0, Cli.run("demo-data", "--db", db.toString()).exitCode());
    Path backup = dir.resolve("hub.gdsbackup");
    Path passphraseFile = passphrase(PASSPHRASE);
    assertEquals(0, Cli.run("backup", "--db", db.toString(), "--to", backup.toString(),
        "--passphrase-file", passphraseFile.toString()).exitCode());
    DatabaseLocation.Postgres target = TestDatabase.emptyPostgresDatabase();
    Path secrets = dir.resolve("pg").resolve("hub.secrets.json");
    Cli r = Cli.run("restore", "--from", backup.toString(), "--db", TestDatabase.url(target),
        "--secrets", secrets.toString(), "--passphrase-file", passphraseFile.toString());
    assertEquals(0, r.exitCode(), r.out() + r.err());
    try (HubApp source = HubApp.open(db, Clock.systemUTC());
        HubApp copy = HubApp.open(target, secrets, 2, Clock.systemUTC())) {
      assertEquals(source.events.count(), copy.events.count());
      assertEquals(source.secrets.publicKeyText(), copy.secrets.publicKeyText());
    }
  }

  @Test
  void aFolderForToKeepsTheNewestBackups() throws Exception {
    Path db = dir.resolve("hub.db");
    TestDatabase.open(db, Clock.systemUTC()).close();
    Path folder = Files.createDirectories(dir.resolve("backups"));
    for (String old : List.of("giadinhso-20260101T010000Z.gdsbackup", "giadinhso-20260102T010000Z.gdsbackup",
        "giadinhso-20260103T010000Z.gdsbackup", "notes.txt")) {
      Files.writeString(folder.resolve(old), "old");
    }
    Cli made = Cli.run("backup", "--db", db.toString(), "--to", folder + "/", "--keep", "2",
        "--passphrase-file", passphrase(PASSPHRASE).toString());
    assertEquals(0, made.exitCode(), made.err());
    try (var files = Files.list(folder)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(3, names.size(), names.toString());
      assertEquals("giadinhso-20260103T010000Z.gdsbackup", names.get(0));
      assertTrue(names.get(1).startsWith("giadinhso-2") && !names.get(1).equals(names.get(0)), names.toString());
      assertEquals("notes.txt", names.get(2));
    }
  }

  // --- helpers

  private record Restored(Cli cli, DatabaseLocation location, Path secrets) {}

  /** Restores onto a new database: a new SQLite file, or a new, empty PostgreSQL database. */
  private static Restored restore(Path backup, Path machine, Path passphraseFile) throws Exception {
    Files.createDirectories(machine);
    Path secrets = machine.resolve("hub.db.secrets.json");
    List<String> args = new ArrayList<>(List.of("restore", "--from", backup.toString(),
        "--passphrase-file", passphraseFile.toString(), "--secrets", secrets.toString()));
    DatabaseLocation location;
    if (TestDatabase.postgres()) {
      DatabaseLocation.Postgres pg = TestDatabase.emptyPostgresDatabase();
      args.addAll(List.of("--db", TestDatabase.url(pg)));
      location = pg;
    } else {
      Path file = machine.resolve("hub.db");
      args.addAll(List.of("--db", file.toString()));
      location = new DatabaseLocation.SqliteFile(file);
    }
    return new Restored(Cli.run(args.toArray(String[]::new)), location, secrets);
  }

  private Path passphrase(String text) throws Exception {
    Path f = Files.createTempFile(dir, "passphrase", ".txt");
    Files.writeString(f, text + "\n");
    return f;
  }

  private static byte[] withManifest(byte[] file, java.util.function.Consumer<ObjectNode> change) throws Exception {
    int magic = "GIADINHSO-BACKUP\n".length();
    int length = ByteBuffer.wrap(file, magic, 4).getInt();
    ObjectNode manifest = (ObjectNode) JSON.readTree(Arrays.copyOfRange(file, magic + 4, magic + 4 + length));
    change.accept(manifest);
    byte[] json = JSON.writeValueAsBytes(manifest);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(file, 0, magic);
    data.writeInt(json.length);
    data.write(json);
    data.write(file, magic + 4 + length, file.length - magic - 4 - length);
    return out.toByteArray();
  }

  private static List<String> batchIds(Uuid7 ids, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ids.next());
    }
    return out;
  }

  private static String batch(List<String> ids) {
    List<String> events = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      events.add("{\"id\":\"" + ids.get(i) + "\",\"type\":\"status.viewed\",\"at\":\"2026-11-21T01:30:00Z\",\"payload\":"
          + "{\"householdCode\":\"AT-T1-" + String.format("%04d", i % 50 + 1) + "\",\"met\":2,\"applicable\":6}}");
    }
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  private static JsonNode posted(Javalin http, Enrolment kiosk, String body) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + http.port() + "/api/v1/kiosks/" + kiosk.kioskId() + "/events"))
        .header("Authorization", "Bearer " + kiosk.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }
}
