package vn.giadinhso.hub.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Events stored but applied nowhere because they name a household or session outside the kiosk's
 * commune (issue 10 point 5). The projections ({@link Projections}, {@link LessonPractice})
 * record the reason in {@code event_ignored}; this reads it back in the batch's transaction.
 */
final class IgnoredEvents {
  static final String OUTSIDE_HOUSEHOLD = "household not in this kiosk's commune";

  // The types whose projection checks the commune; others are never looked up (the hot path).
  private static final Set<String> CHECKED = Set.of("attendance.checked_in", "support.requested",
      "criterion.declared", LessonPractice.TYPE,
      "session.opened_at_kiosk", "session.closed_at_kiosk");

  private IgnoredEvents() {}

  static void record(Handle tx, String eventId, String reason) {
    tx.createUpdate("INSERT INTO event_ignored (event_id, reason) VALUES (:id, :r) ON CONFLICT (event_id) DO NOTHING")
        .bind("id", eventId).bind("r", reason).execute();
  }

  /** The ignored ones among {@code newlyStored}, in batch order. */
  static List<IngestResult.Ignored> among(Handle tx, List<IncomingEvent> newlyStored) {
    List<String> ids = new ArrayList<>();
    for (IncomingEvent event : newlyStored) {
      if (CHECKED.contains(event.type())) {
        ids.add(event.id());
      }
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    return tx.createQuery("SELECT event_id, reason FROM event_ignored WHERE event_id IN (<ids>) ORDER BY event_id")
        .bindList("ids", ids)
        .map((rs, ctx) -> new IngestResult.Ignored(rs.getString(1), rs.getString(2)))
        .list();
  }
}
