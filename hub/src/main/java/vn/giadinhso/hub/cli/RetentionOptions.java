package vn.giadinhso.hub.cli;

import picocli.CommandLine.Option;
import vn.giadinhso.hub.retention.RetentionPolicy;

/** The retention periods (docs/privacy.md "Retention"), shared by serve and retention run. */
final class RetentionOptions {
  @Option(names = "--retention-support-days", paramLabel = "DAYS",
      defaultValue = "" + RetentionPolicy.DEFAULT_SUPPORT_PHONE_DAYS,
      description = "keep a support request's phone number this long (default ${DEFAULT-VALUE})")
  int supportPhoneDays;

  @Option(names = "--retention-attendance-days", paramLabel = "DAYS",
      defaultValue = "" + RetentionPolicy.DEFAULT_ATTENDANCE_DAYS,
      description = "keep who came to a session this long; the counts stay (default ${DEFAULT-VALUE})")
  int attendanceDays;

  @Option(names = "--retention-event-days", paramLabel = "DAYS",
      defaultValue = "" + RetentionPolicy.DEFAULT_EVENT_FIELDS_DAYS,
      description = "keep the event log's personal fields this long; the events stay (default ${DEFAULT-VALUE})")
  int eventFieldsDays;

  RetentionPolicy policy() {
    return new RetentionPolicy(supportPhoneDays, attendanceDays, eventFieldsDays);
  }
}
