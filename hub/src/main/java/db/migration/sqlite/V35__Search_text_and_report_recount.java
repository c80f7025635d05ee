package db.migration.sqlite;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import vn.giadinhso.hub.household.SearchTextBackfill;

/** Folded search text for every household, and a report recount (see {@link SearchTextBackfill}). */
public class V35__Search_text_and_report_recount extends BaseJavaMigration {
  @Override
  public void migrate(Context context) throws Exception {
    SearchTextBackfill.migrate(context.getConnection());
  }
}
