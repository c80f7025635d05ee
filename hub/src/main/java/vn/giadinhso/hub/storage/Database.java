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
 * The hub's database: a SQLite file or a PostgreSQL database.
 *
 * <p>SQLite allows one writer at a time. Funnelling every write through a single pooled connection
 * (with IMMEDIATE transactions) turns contention into an orderly queue instead of SQLITE_BUSY
 * retries, while WAL lets readers (sync, exports) run beside it on snapshots of their own.
 *
 * <p>PostgreSQL takes concurrent writers itself (row locks, e.g. on the one {@code revision} row),
 * so there writer() and reader() share one pool of {@code --db-pool} connections.
 */
public final class Database implements AutoCloseable {
  /** Connections to PostgreSQL when {@code --db-pool} is not given; see docs/deployment.md. */
  public static final int DEFAULT_POOL_SIZE = 8;

  private final DatabaseLocation location;
  private final HikariDataSource writerPool;
  private final HikariDataSource readerPool;
  private final Jdbi writer;
  private final Jdbi reader;
  /** SQLite only: checkpoints off the writer's path; null on PostgreSQL. */
  private final WalCheckpointer checkpointer;

  private Database(DatabaseLocation location, HikariDataSource writerPool, HikariDataSource readerPool,
      WalCheckpointer checkpointer) {
    this.location = location;
    this.checkpointer = checkpointer;
    this.writerPool = writerPool;
    this.readerPool = readerPool;
    this.writer = Jdbi.create(writerPool);
    this.reader = readerPool == writerPool ? writer : Jdbi.create(readerPool);
  }

  /** Opens either kind of database with the default pool size. */
  public static Database open(DatabaseLocation location) {
    return open(location, DEFAULT_POOL_SIZE);
  }

  /**
   * Opens either kind of database and brings its schema up to date.
   *
   * @param poolSize connections to PostgreSQL; SQLite keeps its one writer and four readers
   */
  public static Database open(DatabaseLocation location, int poolSize) {
    if (location instanceof DatabaseLocation.SqliteFile f) {
      return open(f.file());
    }
    return openPostgres((DatabaseLocation.Postgres) location, poolSize);
  }

  private static Database openPostgres(DatabaseLocation.Postgres location, int poolSize) {
    if (poolSize < 2) {
      // Flyway holds one connection for its lock while it migrates on another.
      throw new IllegalArgumentException("--db-pool must be at least 2");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location.jdbcUrl());
    location.user().ifPresent(config::setUsername);
    location.password().ifPresent(config::setPassword);
    // One multi-row INSERT per JDBC batch instead of a round trip per event (ingest, imports).
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.setMaximumPoolSize(poolSize);
    config.setMinimumIdle(1);
    config.setPoolName("postgresql");
    config.setConnectionTimeout(30_000);
    // Fail at start with the server's reason (wrong password, no database) rather than at the first request.
    config.setInitializationFailTimeout(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StorageException("cannot connect to " + location + ": " + reason(e, location), e);
    }
    try {
      SchemaMigrator.migrate(pool, Dialect.POSTGRESQL);
      return new Database(location, pool, pool, null);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** The innermost cause's message, with the password taken out should a driver ever echo it. */
  private static String reason(Throwable e, DatabaseLocation.Postgres location) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    return location.password().filter(p -> !p.isEmpty()).map(p -> message.replace(p, "***")).orElse(message);
  }

  /** Opens (creating if needed) the SQLite database file and brings its schema up to date. */
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
      SchemaMigrator.migrate(writerPool, Dialect.SQLITE);
      readerPool = pool(file, 4, true);
      return new Database(new DatabaseLocation.SqliteFile(file), writerPool, readerPool, new WalCheckpointer(file));
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
    if (!readOnly) {
      // WalCheckpointer checkpoints on its own thread; the writer only past a high mark.
      config.setConnectionInitSql("PRAGMA wal_autocheckpoint=" + WalCheckpointer.WRITER_AUTOCHECKPOINT_PAGES);
    }
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

  public DatabaseLocation location() {
    return location;
  }

  public Dialect dialect() {
    return location.dialect();
  }

  /**
   * Publishes the connection pools' figures (active, idle, pending, acquire time; tag {@code pool}:
   * sqlite-writer, sqlite-readers or postgresql) through HikariCP's own Micrometer tracker. Once
   * per database (HikariCP refuses a second tracker).
   */
  public void bindPoolMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    var trackers = new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry);
    writerPool.setMetricsTrackerFactory(trackers);
    if (readerPool != writerPool) {
      readerPool.setMetricsTrackerFactory(trackers);
    }
  }

  /** The SQLite file; empty on PostgreSQL. */
  /** Pages the background checkpoint has copied into the SQLite file; 0 on PostgreSQL. */
  long checkpointedPages() {
    return checkpointer == null ? 0 : checkpointer.checkpointedPages();
  }

  public java.util.Optional<Path> file() {
    return location instanceof DatabaseLocation.SqliteFile f ? java.util.Optional.of(f.file()) : java.util.Optional.empty();
  }

  @Override
  public void close() {
    if (checkpointer != null) {
      checkpointer.close();
    }
    if (readerPool != writerPool) {
      readerPool.close();
    }
    writerPool.close();
  }
}
