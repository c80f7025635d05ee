package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10.1: a database written before V22 keeps no more than the last 2 digits of an ID number. */
class MaskedIdMigrationTest {
  @org.junit.jupiter.api.BeforeEach
  void sqliteOnly() {
    vn.giadinhso.hub.TestDatabase.sqliteOnly("migrates an old SQLite database forward");
  }

  @Test
  void membersMaskedTheOldWayKeepOnlyTheLastTwoDigits(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hub.db");
    String url = "jdbc:sqlite:" + file;
    Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("21").load().migrate();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("INSERT INTO commune (id, name, province) VALUES ('an-tuong', 'Ân Tường', 'Gia Lai')");
      s.execute("INSERT INTO village (id, commune_id, name) VALUES ('v1', 'an-tuong', 'Thôn Tân Thành')");
      s.execute("INSERT INTO household (id, code, commune_id, village_id, head_name, groups_json, flags_json, "
          + "content_hash, rev, updated_at) VALUES (1, 'AT-T1-0001', 'an-tuong', 'v1', 'Nguyễn Văn An', '[]', '[]', "
          + "'x', 1, '2026-01-01T00:00:00Z')");
      s.execute("INSERT INTO member (household_id, seq, full_name, id_hash, id_masked) VALUES "
          + "(1, 0, 'Nguyễn Văn An', 'h1', '0521******45'), (1, 1, 'Trần Thị Bình', 'h2', '0521******46'), "
          + "(1, 2, 'Nguyễn Văn Cường', NULL, NULL)");
    }

    Database.open(file).close();

    List<String> masked = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id_masked FROM member ORDER BY seq")) {
      while (rs.next()) {
        masked.add(rs.getString(1));
      }
    }
    assertEquals(java.util.Arrays.asList("**********45", "**********46", null), masked);
  }
}
