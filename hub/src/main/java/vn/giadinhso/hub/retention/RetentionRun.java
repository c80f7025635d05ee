package vn.giadinhso.hub.retention;

/**
 * What one retention run removed (or, dry, would remove), per kind.
 *
 * @param supportPhones support requests whose phone number was blanked
 * @param attendanceLinks attendance rows made anonymous
 * @param pendingCheckIns held check-ins (for sessions the hub never learnt of) deleted
 * @param eventFields events whose personal fields were taken out of the payload
 * @param fieldRecords team members' field records that lost their link to a member and their free
 *     text (issue 15), on the event fields' period
 */
public record RetentionRun(boolean dryRun, long supportPhones, long attendanceLinks, long pendingCheckIns,
    long eventFields, long fieldRecords) {
  RetentionRun plus(RetentionRun other) {
    return new RetentionRun(dryRun, supportPhones + other.supportPhones, attendanceLinks + other.attendanceLinks,
        pendingCheckIns + other.pendingCheckIns, eventFields + other.eventFields, fieldRecords + other.fieldRecords);
  }

  /** One line for the audit log and the operator; {@code periods} as {@link Retention#periods} gives them. */
  public String detail(String periods) {
    return (dryRun ? "dry run, would remove: " : "")
        + "support phones " + supportPhones + ", attendance links " + attendanceLinks + ", held check-ins "
        + pendingCheckIns + ", event personal fields " + eventFields + ", field record personal fields " + fieldRecords
        + " (periods: " + periods + ")";
  }
}
