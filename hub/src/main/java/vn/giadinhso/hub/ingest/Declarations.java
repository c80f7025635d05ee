package vn.giadinhso.hub.ingest;

import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code declaration}, the queue of criteria residents declare for staff to verify, from
 * {@code criterion.declared}: {@code {"householdCode", "criterionId"}}. A household of another
 * commune puts the event in {@code event_ignored} instead; an event missing either is skipped.
 */
final class Declarations extends HouseholdQueueProjection {
  Declarations() {
    super(EventTypes.CRITERION_DECLARED);
  }

  @Override
  void store(Handle tx, Kiosk kiosk, IncomingEvent event, PayloadFields payload, String household) {
    String criterion = payload.text("criterionId");
    if (household == null || criterion == null) {
      return;
    }
    tx.createUpdate("INSERT INTO declaration (event_id, kiosk_id, at, household_code, criterion_id) "
            + "VALUES (:id, :kiosk, :at, :household, :criterion) ON CONFLICT (event_id) DO NOTHING")
        .bind("id", event.id()).bind("kiosk", kiosk.id()).bind("at", event.at().toString())
        .bind("household", household).bind("criterion", criterion)
        .execute();
  }
}
