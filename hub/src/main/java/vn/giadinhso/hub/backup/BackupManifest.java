package vn.giadinhso.hub.backup;

import java.util.List;

/**
 * What a backup file says about itself, in plain JSON at its start: nothing personal, so an
 * operator (or {@code restore}) can read it without the passphrase. It is also the associated data
 * of every sealed chunk, so it cannot be altered without the body failing to open.
 *
 * @param format this file layout's version
 * @param hubVersion the hub that made it
 * @param schemaVersion the database's Flyway schema version at the snapshot
 * @param databaseKind {@code sqlite} or {@code postgresql}
 * @param madeAt when the snapshot was taken (UTC, ISO-8601)
 * @param parts what the sealed body holds, in order
 * @param events rows in the event log at the snapshot
 * @param eventChecksum the event log's SHA-256 (as copy-database computes it) at the snapshot
 * @param kdf how the passphrase becomes the key
 * @param verifier tells a wrong passphrase from a damaged file
 */
public record BackupManifest(int format, String hubVersion, String schemaVersion, String databaseKind, String madeAt,
    List<Part> parts, long events, String eventChecksum, PassphraseKey.Params kdf, String verifier) {
  public static final int FORMAT = 1;
  public static final String SQLITE = "sqlite";
  public static final String POSTGRESQL = "postgresql";
  public static final String SECRETS = "secrets.json";
  public static final String SQLITE_DATABASE = "database.sqlite";
  /** PostgreSQL tables are parts named {@code table/NAME}, in COPY text format, in foreign-key order. */
  public static final String TABLE_PREFIX = "table/";

  /**
   * One part of the sealed body.
   *
   * @param columns a table part's columns in the order its rows list them; empty otherwise
   */
  public record Part(String name, long size, String sha256, List<String> columns) {}

  /** The schema version as a number for comparison ("45" → 45; "45.1" → 45). */
  public int schemaMajor() {
    return Integer.parseInt(schemaVersion.split("\\.")[0]);
  }
}
