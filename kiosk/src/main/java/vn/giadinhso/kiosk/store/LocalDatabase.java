package vn.giadinhso.kiosk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;

/**
 * The kiosk's SQLite file. One connection, used by one thread at a time: a kiosk writes a few
 * rows a minute, so a lock is simpler and safer than a pool.
 *
 * <p>WAL with {@code synchronous=FULL}: every commit is fsynced before it returns, so an event
 * that was reported as recorded survives a power cut or {@code kill -9}.
 */
public final class LocalDatabase implements AutoCloseable {

    private final Connection connection;

    private LocalDatabase(Connection connection) {
        this.connection = connection;
    }

    public static LocalDatabase open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(10_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try {
            // The location differs from the hub's (db/migration) so the two never mix on one class path.
            Flyway.configure().dataSource(url, null, null).locations("classpath:db/kiosk")
                    .load().migrate();
            return new LocalDatabase(config.createConnection(url));
        } catch (SQLException | RuntimeException e) {
            throw new IOException("cannot open the kiosk database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Work that reads or writes; runs in one transaction, alone. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    public synchronized <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new LocalStoreException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a failure: nothing left to save.
        }
    }
}
