package vn.giadinhso.protocol;

import java.util.Set;

/**
 * The event types kiosks send and the hub stores (docs/protocol-events.md): one spelling for both
 * sides. A type is lower case, dot-separated.
 */
public final class EventTypes {
  /** A card was scanned: method, result, household code or member hash. */
  public static final String IDENTIFIED = "identified";
  public static final String STATUS_VIEWED = "status.viewed";
  public static final String ATTENDANCE_CHECKED_IN = "attendance.checked_in";
  /**
   * Staff opened an unscheduled session at the kiosk (issue 13): {@code sessionId} (a UUID the
   * kiosk made), {@code topic}, {@code startsAt}, {@code endsAt}. The hub makes it a session of the
   * kiosk's support point; check-ins name it like any other.
   */
  public static final String SESSION_OPENED_AT_KIOSK = "session.opened_at_kiosk";
  /** Staff closed such a session before its planned end: {@code sessionId}, {@code endsAt}. */
  public static final String SESSION_CLOSED_AT_KIOSK = "session.closed_at_kiosk";
  /** A resident says they meet a criterion: DECLARED, for staff to verify. */
  public static final String CRITERION_DECLARED = "criterion.declared";
  /**
   * A resident who scanned their own ID card answers a question about themselves (issue 15):
   * {@code householdCode}, {@code memberSealed}, {@code claim} ("vneid.level2"), {@code answer}
   * ("yes", "no", "unsure"). The hub files it as that member's declaration for staff to verify.
   */
  public static final String MEMBER_DECLARED = "member.declared";
  public static final String SUPPORT_REQUESTED = "support.requested";
  public static final String READER_ERROR = "reader.error";
  public static final String HEARTBEAT = "heartbeat";
  public static final String LESSON_STARTED = "lesson.started";
  public static final String LESSON_STEP = "lesson.step";
  /** A practice lesson finished: the hub marks its criteria PRACTISED for the household. */
  public static final String LESSON_COMPLETED = "lesson.completed";

  /** Every type today's kiosks send. */
  public static final Set<String> KNOWN = Set.of(IDENTIFIED, STATUS_VIEWED, ATTENDANCE_CHECKED_IN, CRITERION_DECLARED,
      SUPPORT_REQUESTED, READER_ERROR, HEARTBEAT, LESSON_STARTED, LESSON_STEP, LESSON_COMPLETED, SESSION_OPENED_AT_KIOSK,
      SESSION_CLOSED_AT_KIOSK, MEMBER_DECLARED);

  private EventTypes() {}
}
