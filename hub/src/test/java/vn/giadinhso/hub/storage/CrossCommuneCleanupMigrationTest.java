package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Migration V24 (issue 10 point 5) on a database the old triggers had already written across
 * communes: those rows leave the other commune's pages, the commune's own stay.
 */
class CrossCommuneCleanupMigrationTest {
  @org.junit.jupiter.api.BeforeEach
  void sqliteOnly() {
    vn.giadinhso.hub.TestDatabase.sqliteOnly("migrates an old SQLite database forward");
  }

  @TempDir Path dir;

  @Test
  void rowsTheOldTriggersPutInAnotherCommuneAreTakenOut() {
    Path file = dir.resolve("hub.db");
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    // Up to the migration just before V24, whichever that is once branches are merged.
    String beforeV24 = java.util.Arrays.stream(Flyway.configure().dataSource(source).locations("classpath:db/migration/sqlite")
            .load().info().all())
        .map(m -> m.getVersion()).filter(v -> v.compareTo(MigrationVersion.fromVersion("24")) < 0)
        .max(Comparable::compareTo).orElseThrow().getVersion();
    Flyway.configure().dataSource(source).locations("classpath:db/migration/sqlite").target(beforeV24).load().migrate();
    Jdbi before = Jdbi.create(source);
    before.useHandle(h -> {
      h.execute("INSERT INTO commune (id, name, province) VALUES ('an-tuong', 'Ân Tường', 'Gia Lai'), "
          + "('kon-chieng', 'Kon Chiêng', 'Gia Lai')");
      h.execute("INSERT INTO village (id, commune_id, name) VALUES ('v-at', 'an-tuong', 'Thôn Tân Thành'), "
          + "('v-kc', 'kon-chieng', 'Làng Đê Tar')");
      h.execute("INSERT INTO support_point (id, commune_id, name, place) VALUES ('p-at', 'an-tuong', 'NVH', 'NVH'), "
          + "('p-kc', 'kon-chieng', 'NVH', 'NVH')");
      h.execute("INSERT INTO household (code, commune_id, village_id, head_name, groups_json, flags_json, content_hash, "
          + "rev, updated_at) VALUES ('AT-1', 'an-tuong', 'v-at', 'A', '[]', '[]', 'x', 1, '2026-11-01T00:00:00Z'), "
          + "('KC-1', 'kon-chieng', 'v-kc', 'K', '[]', '[]', 'y', 2, '2026-11-01T00:00:00Z')");
      h.execute("INSERT INTO session (id, support_point_id, starts_at, ends_at, place, topic, trainer, status, rev) VALUES "
          + "('s-at', 'p-at', '2026-11-25T01:00:00Z', '2026-11-25T03:00:00Z', 'NVH', 't', 't', 'SCHEDULED', 3), "
          + "('s-kc', 'p-kc', '2026-11-25T01:00:00Z', '2026-11-25T03:00:00Z', 'NVH', 't', 't', 'SCHEDULED', 4)");
      h.execute("INSERT INTO kiosk (id, support_point_id, token_hash, enrolled_at) VALUES "
          + "('k-kc', 'p-kc', 'h', '2026-11-01T00:00:00Z')");
      String insert = "INSERT INTO event (id, kiosk_id, type, at, received_at, payload) VALUES (?, 'k-kc', ?, "
          + "'2026-11-25T01:30:00Z', '2026-11-25T01:30:01Z', ?)";
      h.execute(insert, "e1", "criterion.declared", "{\"householdCode\":\"AT-1\",\"criterionId\":\"c\"}");
      h.execute(insert, "e2", "attendance.checked_in", "{\"sessionId\":\"s-at\",\"memberHash\":\"m1\"}");
      h.execute(insert, "e3", "support.requested", "{\"topic\":\"t\",\"householdCode\":\"AT-1\"}");
      h.execute(insert, "e4", "criterion.declared", "{\"householdCode\":\"KC-1\",\"criterionId\":\"c\"}");
      h.execute(insert, "e5", "attendance.checked_in", "{\"sessionId\":\"s-kc\",\"householdCode\":\"KC-1\"}");
      h.execute(insert, "e6", "attendance.checked_in", "{\"sessionId\":\"s-kc\",\"householdCode\":\"AT-1\"}");
      h.execute(insert, "e7", "support.requested", "{\"topic\":\"t\",\"householdCode\":\"KC-1\"}");
      assertEquals(2, h.createQuery("SELECT n FROM attendance_month WHERE support_point_id = 'p-kc'")
          .mapTo(Integer.class).one(), "the old triggers counted the Ân Tường household at Kon Chiêng");
    });

    try (Database db = Database.open(file)) {
      db.reader().useHandle(h -> {
        assertEquals(List.of("KC-1"), h.createQuery("SELECT household_code FROM declaration ORDER BY event_id")
            .mapTo(String.class).list());
        assertEquals(List.of("s-kc:KC-1"), h.createQuery("SELECT session_id || ':' || household_code FROM attendance")
            .mapTo(String.class).list());
        assertEquals(List.of("p-kc:1"), h.createQuery("SELECT support_point_id || ':' || n FROM attendance_month")
            .mapTo(String.class).list());
        assertEquals(List.of("e3:-", "e7:KC-1"), h.createQuery(
            "SELECT event_id || ':' || COALESCE(household_code, '-') FROM support_request ORDER BY event_id")
            .mapTo(String.class).list(), "the request stays at its own commune, without the other's household");
        assertEquals(7, h.createQuery("SELECT COUNT(*) FROM event").mapTo(Integer.class).one(), "the log is untouched");
      });
    }
  }
}
