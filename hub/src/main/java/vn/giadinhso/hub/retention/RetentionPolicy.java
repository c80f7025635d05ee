package vn.giadinhso.hub.retention;

import java.time.Duration;

/**
 * How long personal data is kept, per kind, in days (docs/privacy.md "Retention" gives the reason
 * for each default). Counted from when the thing happened at the kiosk.
 *
 * @param supportPhoneDays a support request's phone number (the request itself and its topic stay)
 * @param attendanceDays who came to a session: the link from an attendance row to a household or
 *     member (the row stays, anonymous, so every count stays)
 * @param eventFieldsDays the event log's personal fields (household code, member hash, sealed
 *     member, phone); the events themselves stay
 */
public record RetentionPolicy(int supportPhoneDays, int attendanceDays, int eventFieldsDays) {
  public static final int DEFAULT_SUPPORT_PHONE_DAYS = 90;
  public static final int DEFAULT_ATTENDANCE_DAYS = 400;
  public static final int DEFAULT_EVENT_FIELDS_DAYS = 400;
  public static final RetentionPolicy DEFAULT =
      new RetentionPolicy(DEFAULT_SUPPORT_PHONE_DAYS, DEFAULT_ATTENDANCE_DAYS, DEFAULT_EVENT_FIELDS_DAYS);

  public RetentionPolicy {
    for (int days : new int[] {supportPhoneDays, attendanceDays, eventFieldsDays}) {
      if (days < 1) {
        throw new IllegalArgumentException("a retention period must be at least 1 day");
      }
    }
  }

  Duration supportPhone() {
    return Duration.ofDays(supportPhoneDays);
  }

  Duration attendance() {
    return Duration.ofDays(attendanceDays);
  }

  Duration eventFields() {
    return Duration.ofDays(eventFieldsDays);
  }

  @Override
  public String toString() {
    return "support phones " + supportPhoneDays + " d, attendance " + attendanceDays + " d, event fields "
        + eventFieldsDays + " d";
  }
}
