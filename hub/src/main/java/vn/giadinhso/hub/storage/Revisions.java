package vn.giadinhso.hub.storage;

import org.jdbi.v3.core.Handle;

/** Hands out values of the shared sync revision inside the caller's write transaction. */
public final class Revisions {
  private Revisions() {}

  /**
   * The newest committed revision; every row changed up to it is committed. Safe with concurrent
   * writers (PostgreSQL, several hub processes): a transaction that takes a revision holds the
   * counter's row lock until it commits, so revisions commit in the order they are handed out
   * (the rule is written down in docs/decisions/hub-003-one-revision-counter.md).
   */
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
    // Read the counter by updating it, which takes its row lock until commit (a plain SELECT takes
    // none on PostgreSQL): another transaction's next()/bumpAll() waits, so revisions become
    // visible in the order they were handed out and a kiosk's cursor never passes one still open.
    long base = writeTransaction
        .createQuery("UPDATE revision SET value = value WHERE id = 1 RETURNING value")
        .mapTo(Long.class)
        .one();
    writeTransaction.createUpdate("UPDATE " + table + " SET rev = :base + id WHERE " + column + " = :v")
        .bind("base", base).bind("v", value).execute();
    writeTransaction.createUpdate(
            "UPDATE revision SET value = (SELECT MAX(v) FROM (SELECT value AS v FROM revision WHERE id = 1 "
                + "UNION ALL SELECT MAX(rev) FROM " + table + ") both_values) WHERE id = 1")
        .execute();
  }
}
