package vn.giadinhso.kiosk.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import vn.giadinhso.hub.storage.DatabaseLocation;

/**
 * The hub's two databases for end-to-end tests that must hold on both (as the hub's own suite runs
 * on both): a {@link RealHub} on SQLite, or on a fresh database of one embedded PostgreSQL 17 per
 * JVM. Without PostgreSQL the test skips with the reason, except under REQUIRE_SYSTEM_TESTS=1.
 */
final class HubDatabases {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private HubDatabases() {
    }

    static RealHub open(String database, Path dir) throws Exception {
        if (database.equals("sqlite")) {
            return new RealHub(dir);
        }
        EmbeddedPostgres pg = server();
        java.nio.file.Files.createDirectories(dir);
        String name = "kiosk_e2e_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return new RealHub(new DatabaseLocation.Postgres("jdbc:postgresql://localhost:" + pg.getPort() + "/" + name,
                "postgres", null), dir.resolve("hub-secrets.json"));
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }));
            } catch (Exception | Error e) {
                if ("1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
                    throw new AssertionError("REQUIRE_SYSTEM_TESTS=1 but embedded PostgreSQL did not start: " + e, e);
                }
                Assumptions.abort("embedded PostgreSQL did not start here: " + e);
            }
        }
        return server;
    }
}
