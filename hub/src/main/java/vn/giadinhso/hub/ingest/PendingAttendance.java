package vn.giadinhso.hub.ingest;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Check-ins for a session the hub does not know yet (issue 13): a session opened at a kiosk
 * reaches the hub by its own event, which may come after a check-in for it (another kiosk at the
 * same point synced first, or a batch split between them). The check-in is held in
 * {@code attendance_pending}, reduced to the person it counts, and counted once the session
 * arrives; a session that exists in another commune is still refused ({@link AttendanceProjection}).
 */
final class PendingAttendance {
  private PendingAttendance() {}

  /** Whether any commune has this session: if none does, a check-in for it waits instead of being ignored. */
  static boolean exists(Handle tx, String sessionId) {
    return tx.createQuery("SELECT COUNT(*) FROM session WHERE id = :s").bind("s", sessionId)
        .mapTo(Integer.class).one() > 0;
  }

  static void hold(Handle tx, String sessionId, String person, String communeId, String household, String kioskId,
      Instant at) {
    tx.createUpdate("INSERT INTO attendance_pending (session_id, person_key, commune_id, household_code, kiosk_id, at) "
            + "VALUES (:s, :person, :c, :household, :kiosk, :at) ON CONFLICT (session_id, person_key) DO NOTHING")
        .bind("s", sessionId).bind("person", person).bind("c", communeId).bind("household", household)
        .bind("kiosk", kioskId).bind("at", at.toString())
        .execute();
  }

  /**
   * Counts the check-ins held for a session that has just arrived in {@code communeId} (those held
   * by another commune's kiosks stay out), once per person, and forgets them all.
   */
  static int release(Handle tx, String sessionId, String communeId, String supportPointId, Instant startsAt) {
    int moved = tx.createUpdate("INSERT INTO attendance (session_id, person_key, household_code, kiosk_id, at) "
            + "SELECT session_id, person_key, household_code, kiosk_id, at FROM attendance_pending "
            + "WHERE session_id = :s AND commune_id = :c ON CONFLICT (session_id, person_key) DO NOTHING")
        .bind("s", sessionId).bind("c", communeId)
        .execute();
    tx.createUpdate("DELETE FROM attendance_pending WHERE session_id = :s").bind("s", sessionId).execute();
    if (moved > 0) {
      tx.createUpdate("INSERT INTO attendance_month (support_point_id, month, n) VALUES (:p, :month, :n) "
              + "ON CONFLICT (support_point_id, month) DO UPDATE SET n = attendance_month.n + excluded.n")
          .bind("p", supportPointId).bind("month", VietnamMonth.of(startsAt)).bind("n", moved)
          .execute();
    }
    return moved;
  }
}
