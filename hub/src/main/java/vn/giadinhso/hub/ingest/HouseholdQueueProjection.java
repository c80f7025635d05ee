package vn.giadinhso.hub.ingest;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;

/**
 * A staff queue filled from one event type that may name a household (declarations, support
 * requests): a household of another commune puts the event in {@code event_ignored} instead of the
 * queue (hub-009), whatever the queue.
 */
abstract class HouseholdQueueProjection implements DashboardProjection {
  private final String eventType;

  HouseholdQueueProjection(String eventType) {
    this.eventType = eventType;
  }

  @Override
  public final void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored) {
    for (IncomingEvent event : newlyStored) {
      if (!eventType.equals(event.type())) {
        continue;
      }
      PayloadFields payload = PayloadFields.of(event);
      String household = payload.text("householdCode");
      if (household != null && !commune.hasHousehold(household)) {
        IgnoredEvents.record(tx, event.id(), IgnoredEvents.OUTSIDE_HOUSEHOLD);
        continue;
      }
      store(tx, kiosk, event, payload, household);
    }
  }

  /** Adds the event to the queue, or skips it when a field the queue needs is missing. */
  abstract void store(Handle tx, Kiosk kiosk, IncomingEvent event, PayloadFields payload, String household);
}
