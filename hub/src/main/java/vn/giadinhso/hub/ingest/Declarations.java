package vn.giadinhso.hub.ingest;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code declaration}, the queue of criteria residents declare for staff to verify, from
 * {@code criterion.declared}: {@code {"householdCode", "criterionId"}}. A household of another
 * commune puts the event in {@code event_ignored} instead; an event missing either is skipped.
 */
final class Declarations implements DashboardProjection {
  @Override
  public void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored) {
    for (IncomingEvent event : newlyStored) {
      if (!EventTypes.CRITERION_DECLARED.equals(event.type())) {
        continue;
      }
      PayloadFields payload = PayloadFields.of(event);
      String household = payload.text("householdCode");
      if (household != null && !commune.hasHousehold(household)) {
        IgnoredEvents.record(tx, event.id(), IgnoredEvents.OUTSIDE_HOUSEHOLD);
        continue;
      }
      String criterion = payload.text("criterionId");
      if (household == null || criterion == null) {
        continue;
      }
      tx.createUpdate("INSERT INTO declaration (event_id, kiosk_id, at, household_code, criterion_id) "
              + "VALUES (:id, :kiosk, :at, :household, :criterion) ON CONFLICT (event_id) DO NOTHING")
          .bind("id", event.id()).bind("kiosk", kiosk.id()).bind("at", event.at().toString())
          .bind("household", household).bind("criterion", criterion)
          .execute();
    }
  }
}
