package vn.giadinhso.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk database from before member tags loses every full member hash when it is opened. */
class MemberHashUpgradeTest {
    private static final String HASH = "fd0f784334a8d9205ad8fc20d5f1080f4b0c76a96eba20d3bf67521fe89b1b53";

    @TempDir
    Path tmp;

    @Test
    void openingAnOlderDatabaseRemovesEveryMemberHashAndKeepsTheRest() throws Exception {
        Path file = tmp.resolve("kiosk.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/kiosk").target("2").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO member(id_hash, household_code, display_name) VALUES ('" + HASH + "', 'AT-1', 'Nguyễn V. An')");
            s.execute("INSERT INTO household(code, json) VALUES ('AT-1', '{\"code\":\"AT-1\",\"members\":[{\"idHash\":\""
                    + HASH + "\",\"displayName\":\"Nguyễn V. An\"}]}')");
            s.execute("INSERT INTO outbox(id, type, at, payload) VALUES ('e1', 'identified', '2026-11-21T01:00:00Z',"
                    + " '{\"method\":\"mrz\",\"householdCode\":\"AT-1\",\"memberHash\":\"" + HASH + "\"}')");
            s.execute("INSERT INTO attendance(session_id, person, household_code, at) VALUES ('s1', 'm:" + HASH
                    + "', 'AT-1', '2026-11-21T01:00:00Z')");
            s.execute("INSERT INTO setting(name, value) VALUES ('syncCursor', '42')");
        }
        try (LocalDatabase db = LocalDatabase.open(file)) {
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    assertEquals("{\"method\":\"mrz\",\"householdCode\":\"AT-1\"}", one(s, "SELECT payload FROM outbox"));
                    assertEquals("[{\"displayName\":\"Nguyễn V. An\"}]", one(s, "SELECT json_extract(json, '$.members') FROM household"));
                    assertEquals("1", one(s, "SELECT count(*) FROM attendance"), "the count stays");
                    assertEquals("0", one(s, "SELECT count(*) FROM setting WHERE name = 'syncCursor'"), "sync again from the start");
                    assertEquals("0", one(s, "SELECT count(*) FROM member"));
                }
                return null;
            });
        }
        for (String name : new String[] {"kiosk.db", "kiosk.db-wal"}) {
            Path f = tmp.resolve(name);
            if (Files.exists(f)) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(HASH), name);
            }
        }
    }

    private static String one(Statement s, String sql) throws java.sql.SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }
}
