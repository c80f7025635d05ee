package vn.giadinhso.hub.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The hub's SQLite database: one writer connection and a small pool of readers.
 *
 * <p>SQLite allows one writer at a time. Funnelling every write through a single pooled connection
 * (with IMMEDIATE transactions) turns contention into an orderly queue instead of SQLITE_BUSY
 * retries, while WAL lets readers (sync, exports) run beside it on snapshots of their own.
 */
public final class Database implements AutoCloseable {
  private final Path file;
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;
  private final Jdbi reader;

  private Database(Path file, HikariDataSource writerPool, HikariDataSource readerPool) {
    this.file = file;
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    this.writer = Jdbi.create(writerPool);
    this.reader = Jdbi.create(readerPool);
  }

  /** Opens (creating if needed) the database file and brings its schema up to date. */
  public static Database open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        createPrivateDirectories(parent);
      }
      ownerOnly(file);
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the folder for " + file + ": " + e.getMessage(), e);
    }
    HikariDataSource writerPool = pool(file, 1, false);
    HikariDataSource readerPool = null;
    try {
      SchemaMigrator.migrate(writerPool);
      readerPool = pool(file, 4, true);
      return new Database(file, writerPool, readerPool);
    } catch (RuntimeException e) {
      writerPool.close();
      if (readerPool != null) {
        readerPool.close();
      }
      throw e;
    }
  }

  private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");

  /**
   * The folders the hub creates are for its owner only (0700); folders that exist already are
   * left as the operator set them.
   */
  private static void createPrivateDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.getParent();
    if (parent != null) {
      createPrivateDirectories(parent);
    }
    if (posix(dir)) {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectory(dir);
    }
  }

  /**
   * The database holds names and the audit log: it is created readable by its owner only (0600)
   * before SQLite opens it, and SQLite gives its -wal and -shm files the database file's mode.
   * An existing file (from an older hub) and its companions are tightened the same way.
   */
  private static void ownerOnly(Path file) throws IOException {
    if (!posix(file.toAbsolutePath().getParent())) {
      return;
    }
    if (Files.notExists(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
    }
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path f = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(f)) {
        Files.setPosixFilePermissions(f, OWNER_RW);
      }
    }
  }

  private static boolean posix(Path dir) throws IOException {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null && Files.getFileStore(existing).supportsFileAttributeView("posix");
  }

  private static HikariDataSource pool(Path file, int size, boolean readOnly) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.enforceForeignKeys(true);
    sqlite.setBusyTimeout(30_000);
    sqlite.setTransactionMode(
        readOnly ? SQLiteConfig.TransactionMode.DEFERRED : SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(sqlite);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setPoolName(readOnly ? "sqlite-readers" : "sqlite-writer");
    config.setConnectionTimeout(60_000);
    return new HikariDataSource(config);
  }

  /** For every change: transactions here run one at a time. */
  public Jdbi writer() {
    return writer;
  }

  /** For queries: each transaction reads a consistent snapshot. */
  public Jdbi reader() {
    return reader;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    readerPool.close();
    writerPool.close();
  }
}
