package vn.giadinhso.hub.storage;

import org.jdbi.v3.core.Handle;

/** Hands out values of the shared sync revision inside the caller's write transaction. */
public final class Revisions {
  private Revisions() {}

  /** The newest revision handed out; every row changed up to it is committed (writes are serial). */
  public static long current(Database db) {
    return db.reader().withHandle(h -> h.createQuery("SELECT value FROM revision WHERE id = 1").mapTo(Long.class).one());
  }

  public static long next(Handle writeTransaction) {
    return writeTransaction
        .createQuery("UPDATE revision SET value = value + 1 WHERE id = 1 RETURNING value")
        .mapTo(Long.class)
        .one();
  }

  /**
   * Gives every row of {@code table} where {@code column = value} a fresh, distinct revision in one
   * statement: current value + row id, then moves the counter past the largest one handed out. (Portable SQL: SQLite's two-argument
   * MAX is GREATEST on PostgreSQL, so the larger value is taken with an aggregate instead.)
   */
  public static void bumpAll(Handle writeTransaction, String table, String column, String value) {
    long base = writeTransaction.createQuery("SELECT value FROM revision WHERE id = 1").mapTo(Long.class).one();
    writeTransaction.createUpdate("UPDATE " + table + " SET rev = :base + id WHERE " + column + " = :v")
        .bind("base", base).bind("v", value).execute();
    writeTransaction.createUpdate(
            "UPDATE revision SET value = (SELECT MAX(v) FROM (SELECT value AS v FROM revision WHERE id = 1 "
                + "UNION ALL SELECT MAX(rev) FROM " + table + ") both_values) WHERE id = 1")
        .execute();
  }
}
