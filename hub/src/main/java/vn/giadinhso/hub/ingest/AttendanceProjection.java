package vn.giadinhso.hub.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code attendance} (one row per person per session: two kiosks recording the same person
 * offline count once) and {@code attendance_month} (people per support point and month of the
 * session, Vietnam time), from {@code attendance.checked_in}: {@code {"sessionId", "memberHash"
 * or "householdCode"}}. A session or household of another commune puts the event in
 * {@code event_ignored} instead; an event without a session or a person is skipped. A session no
 * commune has (yet) holds the check-in in {@code attendance_pending} until its
 * {@code session.opened_at_kiosk} arrives ({@link PendingAttendance}).
 */
final class AttendanceProjection implements DashboardProjection {
  @Override
  public void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored) {
    Map<List<String>, Integer> months = new TreeMap<>(CounterKeys.ORDER);
    for (IncomingEvent event : newlyStored) {
      if (!EventTypes.ATTENDANCE_CHECKED_IN.equals(event.type())) {
        continue;
      }
      PayloadFields payload = PayloadFields.of(event);
      String sessionId = payload.text("sessionId");
      String household = payload.text("householdCode");
      Optional<CommuneScope.Session> session = sessionId == null ? Optional.empty() : commune.session(sessionId);
      boolean unknownYet = sessionId != null && session.isEmpty() && !PendingAttendance.exists(tx, sessionId);
      if (sessionId != null && session.isEmpty() && !unknownYet) {
        IgnoredEvents.record(tx, event.id(), CommuneScope.OUTSIDE_SESSION);
        continue;
      }
      if (household != null && !commune.hasHousehold(household)) {
        IgnoredEvents.record(tx, event.id(), IgnoredEvents.OUTSIDE_HOUSEHOLD);
        continue;
      }
      String member = payload.text("memberHash");
      String person = member != null ? "m:" + member : household != null ? "h:" + household : null;
      if (unknownYet && person != null) {
        // Its session.opened_at_kiosk has not arrived yet: held, counted when it does.
        PendingAttendance.hold(tx, sessionId, person, kiosk.communeId(), household, kiosk.id(), event.at());
        continue;
      }
      if (session.isEmpty() || person == null) {
        continue;
      }
      int inserted = tx.createUpdate("INSERT INTO attendance (session_id, person_key, household_code, kiosk_id, at) "
              + "VALUES (:s, :person, :household, :kiosk, :at) ON CONFLICT (session_id, person_key) DO NOTHING")
          .bind("s", sessionId).bind("person", person).bind("household", household)
          .bind("kiosk", kiosk.id()).bind("at", event.at().toString())
          .execute();
      if (inserted > 0) {
        CommuneScope.Session s = session.get();
        months.merge(List.of(s.supportPointId(), VietnamMonth.of(s.startsAt())), 1, Integer::sum);
      }
    }
    if (months.isEmpty()) {
      return;
    }
    PreparedBatch upsert = tx.prepareBatch("INSERT INTO attendance_month (support_point_id, month, n) "
        + "VALUES (:p, :month, :n) ON CONFLICT (support_point_id, month) DO UPDATE SET n = attendance_month.n + excluded.n");
    months.forEach((key, n) -> upsert.bind("p", key.get(0)).bind("month", key.get(1)).bind("n", n).add());
    upsert.execute();
  }
}
