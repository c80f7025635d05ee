package vn.giadinhso.hub.ingest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import vn.giadinhso.hub.kiosk.Kiosk;
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
    PreparedBatch upsert = tx.prepareBatch("INSERT INTO activity_month (support_point_id, month, type, n) "
        + "VALUES (:p, :month, :type, :n) ON CONFLICT (support_point_id, month, type) "
        + "DO UPDATE SET n = activity_month.n + excluded.n");
    counts.forEach((key, n) -> upsert.bind("p", kiosk.supportPointId()).bind("month", key.get(0))
        .bind("type", key.get(1)).bind("n", n).add());
    upsert.execute();
  }
}
