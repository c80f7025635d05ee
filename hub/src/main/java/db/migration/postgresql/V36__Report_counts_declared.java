package db.migration.postgresql;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 12, the province page: the report roll-up now also counts, per criterion, the households
 * whose newest status is DECLARED (key {@code c:<criterion>:declared}, ReportRollup.DECLARED), so a
 * province's "declarations waiting" is read from report_count rather than from criterion_status.
 * Every commune's roll-up goes back to zero (as V35 did) and the next report recounts it with the
 * new key. Java rather than SQL, as V35: the SQLite scripts stop at V34 (MigrationsMovedTest).
 */
public class V36__Report_counts_declared extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    try (Statement s = context.getConnection().createStatement()) {
      s.execute("UPDATE report_cursor SET criteria_version = -1, rev = 0");
    }
  }
}
