package vn.giadinhso.hub.ingest;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.storage.StorageException;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code activity_month}: events per kiosk's support point, month (Vietnam time) and type, for the
 * types the dashboard and reports count. Every such event counts, also one ignored elsewhere for
 * naming another commune: it did happen at this kiosk. Summed in Java first, so a batch costs one
 * upsert per (month, type), not one per event.
 */
final class ActivityCounts implements DashboardProjection {
  static final Set<String> COUNTED = Set.of(EventTypes.IDENTIFIED, EventTypes.LESSON_COMPLETED,
      EventTypes.ATTENDANCE_CHECKED_IN, EventTypes.CRITERION_DECLARED, EventTypes.SUPPORT_REQUESTED);

  @Override
  public void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored) {
    Map<List<String>, Integer> counts = new TreeMap<>(CounterKeys.ORDER);
    for (IncomingEvent event : newlyStored) {
      if (COUNTED.contains(event.type())) {
        counts.merge(List.of(VietnamMonth.of(event.at()), event.type()), 1, Integer::sum);
      }
    }
    if (counts.isEmpty()) {
      return;
    }
    // Plain JDBC: this runs in every batch's write transaction, and Jdbi's binding cost more than
    // the one-row upsert itself in a profile of bench-ingest.
    try (PreparedStatement upsert = tx.getConnection().prepareStatement(UPSERT)) {
      for (Map.Entry<List<String>, Integer> count : counts.entrySet()) {
        upsert.setString(1, kiosk.supportPointId());
        upsert.setString(2, count.getKey().get(0));
        upsert.setString(3, count.getKey().get(1));
        upsert.setInt(4, count.getValue());
        upsert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new StorageException("could not count activity: " + e.getMessage(), e);
    }
  }

  private static final String UPSERT = "INSERT INTO activity_month (support_point_id, month, type, n) "
      + "VALUES (?, ?, ?, ?) ON CONFLICT (support_point_id, month, type) DO UPDATE SET n = activity_month.n + excluded.n";
}
