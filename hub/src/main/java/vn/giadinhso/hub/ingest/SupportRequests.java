package vn.giadinhso.hub.ingest;

import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code support_request}, the queue staff work through, from {@code support.requested}:
 * {@code {"topic", "phone"?, "householdCode"?}}. A household of another commune puts the event in
 * {@code event_ignored} instead; an event without a topic is skipped.
 */
final class SupportRequests extends HouseholdQueueProjection {
  SupportRequests() {
    super(EventTypes.SUPPORT_REQUESTED);
  }

  @Override
  void store(Handle tx, Kiosk kiosk, IncomingEvent event, PayloadFields payload, String household) {
    String topic = payload.text("topic");
    if (topic == null) {
      return;
    }
    tx.createUpdate("INSERT INTO support_request (event_id, kiosk_id, at, topic, phone, household_code) "
            + "VALUES (:id, :kiosk, :at, :topic, :phone, :household) ON CONFLICT (event_id) DO NOTHING")
        .bind("id", event.id()).bind("kiosk", kiosk.id()).bind("at", event.at().toString())
        .bind("topic", topic).bind("phone", payload.text("phone")).bind("household", household)
        .execute();
  }
}
