package vn.giadinhso.hub.ingest;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * A check-in that did not come from a kiosk's event stream (a team member's phone, issue 15),
 * filed where kiosk check-ins go: one {@code attendance} row per person per session, so a person
 * checked in at the kiosk and on the phone counts once, and the point's month moves on by one
 * only when the row is new. Person keys are the kiosk's ({@link #memberKey}, {@link #householdKey}).
 */
public final class CheckIns {
  /** What {@code attendance.kiosk_id} holds for a phone check-in: who took it (a username). */
  public static final String FIELD_PREFIX = "field:";

  private CheckIns() {}

  /** A member the hub knows by keyed hash: the key a kiosk's ID-card check-in makes. */
  public static String memberKey(String memberHash) {
    return "m:" + memberHash;
  }

  /** A household with nobody picked: the key a kiosk's household-QR check-in makes. */
  public static String householdKey(String householdCode) {
    return "h:" + householdCode;
  }

  /** Files the check-in inside the caller's transaction; false when this person was already counted. */
  public static boolean add(Handle tx, String sessionId, String supportPointId, Instant sessionStartsAt, String personKey,
      String householdCode, String takenBy, Instant at) {
    int inserted = tx.createUpdate("INSERT INTO attendance (session_id, person_key, household_code, kiosk_id, at) "
            + "VALUES (:s, :person, :household, :by, :at) ON CONFLICT (session_id, person_key) DO NOTHING")
        .bind("s", sessionId).bind("person", personKey).bind("household", householdCode)
        .bind("by", takenBy).bind("at", at.toString())
        .execute();
    if (inserted == 0) {
      return false;
    }
    tx.createUpdate("INSERT INTO attendance_month (support_point_id, month, n) VALUES (:p, :month, 1) "
            + "ON CONFLICT (support_point_id, month) DO UPDATE SET n = attendance_month.n + excluded.n")
        .bind("p", supportPointId).bind("month", VietnamMonth.of(sessionStartsAt))
        .execute();
    return true;
  }
}
