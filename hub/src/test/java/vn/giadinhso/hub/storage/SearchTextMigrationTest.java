package vn.giadinhso.hub.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.TestDatabase;
import vn.giadinhso.hub.dashboard.HouseholdSearch;

/**
 * Migration V35 (a Java migration): households written before it are found by the folded search,
 * on the database of this run, and their search text holds names, never an ID number.
 */
class SearchTextMigrationTest {
  @Test
  void householdsFromBeforeV35AreFoundWithoutDiacritics(@TempDir Path dir) throws Exception {
    DatabaseLocation location;
    String url;
    String user = null;
    if (TestDatabase.postgres()) {
      DatabaseLocation.Postgres pg = TestDatabase.emptyPostgresDatabase();
      location = pg;
      url = pg.jdbcUrl();
      user = pg.user().orElse(null);
    } else {
      Path file = dir.resolve("hub.db");
      location = new DatabaseLocation.SqliteFile(file);
      url = "jdbc:sqlite:" + file;
    }
    String folder = TestDatabase.postgres() ? "postgresql" : "sqlite";
    // The newest migration before V35, whichever it is on this branch.
    var all = Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration/" + folder).load().info().all();
    String before = java.util.Arrays.stream(all).map(m -> m.getVersion())
        .filter(v -> v.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("35")) < 0)
        .max(Comparable::compareTo).orElseThrow().getVersion();
    Flyway.configure().dataSource(url, user, null).locations("classpath:db/migration/" + folder).target(before).load().migrate();
    try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("INSERT INTO province (code, name, source) VALUES ('52', 'Gia Lai', 'test')");
      s.execute("INSERT INTO commune (id, name, province_code, source) VALUES ('an-tuong', 'Ân Tường', '52', 'test')");
      s.execute("INSERT INTO village (id, commune_id, name) VALUES ('v1', 'an-tuong', 'Thôn Tân Thành')");
      for (int i = 1; i <= 12_001; i++) { // more than two of the migration's pages
        String head = i == 7_777 ? "Đặng Văn Lâm" : "Trần Văn An " + i;
        s.addBatch("INSERT INTO household (id, code, commune_id, village_id, head_name, groups_json, flags_json, "
            + "content_hash, rev, updated_at) VALUES (" + i + ", 'AT-T1-" + String.format("%05d", i) + "', 'an-tuong', 'v1', '"
            + head + "', '[]', '[]', 'x', " + i + ", '2026-01-01T00:00:00Z')");
        s.addBatch("INSERT INTO member (household_id, seq, full_name, id_hash, id_masked) VALUES (" + i + ", 0, '" + head
            + "', 'hash" + i + "', '**********45'), (" + i + ", 1, 'Lê Thị Hoa " + i + "', NULL, NULL)");
      }
      s.executeBatch();
      s.execute("INSERT INTO report_cursor (commune_id, criteria_version, rev) VALUES ('an-tuong', 1, 12001)");
      c.commit();
    }

    try (Database db = Database.open(location, 2)) {
      HouseholdSearch search = new HouseholdSearch(db);
      assertEquals(List.of(new HouseholdSearch.Hit("AT-T1-07777", "Đặng Văn Lâm", "Thôn Tân Thành")),
          search.search("an-tuong", "dang van", 10));
      assertEquals(List.of("AT-T1-12001"), search.search("an-tuong", "le thi hoa 12001", 10).stream()
          .map(HouseholdSearch.Hit::code).toList(), "a member who is not the head, in the last page");
    }
    try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT search_text FROM household WHERE id = 1")) {
        rs.next();
        assertEquals("at-t1-00001 | thon tan thanh | tran van an 1 | le thi hoa 1", rs.getString(1));
        assertFalse(rs.getString(1).contains("45"), "no part of an ID number");
      }
      try (ResultSet rs = s.executeQuery("SELECT criteria_version, rev FROM report_cursor")) {
        rs.next();
        assertEquals(-1, rs.getInt(1), "the report is recounted (with the month each household was recognised)");
      }
    }
  }
}
