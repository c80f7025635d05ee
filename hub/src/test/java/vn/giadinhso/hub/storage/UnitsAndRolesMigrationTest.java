package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;
import vn.giadinhso.hub.TestDatabase;

/**
 * V34 (issue 12) on a database of before: communes get a province row from their province text
 * (Gia Lai its official code 52, any other name a provisional one), staff keep their commune
 * through the new account ↔ commune table, and signed-in sessions survive the rebuilt table.
 */
class UnitsAndRolesMigrationTest {
  @TempDir Path dir;

  @Test
  void existingCommunesGetTheirProvinceAndStaffKeepTheirCommuneAndSessions() {
    DataSource source;
    String location;
    if (TestDatabase.postgres()) {
      // A schema of its own in a fresh database, so Flyway starts it from nothing.
      var pg = TestDatabase.newPostgresDatabase();
      var ds = new org.postgresql.ds.PGSimpleDataSource();
      ds.setUrl(pg.jdbcUrl() + (pg.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=before_v34");
      ds.setUser(pg.user().orElse("postgres"));
      source = ds;
      location = "classpath:db/migration/postgresql";
    } else {
      SQLiteDataSource ds = new SQLiteDataSource();
      ds.setUrl("jdbc:sqlite:" + dir.resolve("hub.db"));
      ds.setEnforceForeignKeys(true);
      source = ds;
      location = "classpath:db/migration/sqlite";
    }
    flyway(source, location).target("32").load().migrate();
    Jdbi jdbi = Jdbi.create(source);
    jdbi.useHandle(h -> {
      h.execute("INSERT INTO commune (id, name, province) VALUES ('an-tuong', 'Ân Tường', 'Gia Lai'), "
          + "('kon-chieng', 'Kon Chiêng', 'Gia Lai'), ('xa-khac', 'Xã Khác', 'Tỉnh Khác')");
      h.execute("INSERT INTO app_user (username, password_hash, role, commune_id, created_at) VALUES "
          + "('quan-tri', 'h', 'ADMIN', NULL, '2026-01-01T00:00:00Z'), ('can-bo-a', 'h', 'STAFF', 'an-tuong', '2026-01-01T00:00:00Z')");
      h.execute("INSERT INTO staff_session (token_hash, username, csrf_token, created_at, expires_at, last_seen_at) VALUES "
          + "('t1', 'can-bo-a', 'c', '2026-01-01T00:00:00Z', '2026-01-01T12:00:00Z', '2026-01-01T00:00:00Z')");
    });

    flyway(source, location).load().migrate();

    jdbi.useHandle(h -> {
      assertEquals(List.of("52:Gia Lai", "x2:Tỉnh Khác"), h.createQuery(
          "SELECT code || ':' || name FROM province ORDER BY code").mapTo(String.class).list());
      assertEquals(List.of("an-tuong:52", "kon-chieng:52", "xa-khac:x2"), h.createQuery(
          "SELECT id || ':' || province_code FROM commune ORDER BY id").mapTo(String.class).list());
      assertNull(h.createQuery("SELECT code FROM commune WHERE id = 'an-tuong'").mapTo(String.class).one(),
          "no official commune code is made up");
      assertEquals(List.of("can-bo-a:an-tuong"), h.createQuery(
          "SELECT username || ':' || commune_id FROM user_commune").mapTo(String.class).list());
      assertEquals(List.of("quan-tri:ADMIN", "can-bo-a:STAFF"), h.createQuery(
          "SELECT username || ':' || role FROM app_user ORDER BY id").mapTo(String.class).list());
      assertEquals(List.of("t1"), h.createQuery("SELECT token_hash FROM staff_session").mapTo(String.class).list(),
          "nobody is signed out by the upgrade");
    });
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource source, String location) {
    var config = Flyway.configure().dataSource(source).locations(location);
    return TestDatabase.postgres() ? config.schemas("before_v34") : config;
  }
}
