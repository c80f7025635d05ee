package vn.giadinhso.hub.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import vn.giadinhso.hub.schedule.ScheduleStore;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * A session today (Vietnam time) at the demo kiosk's point, so staff can show attendance-taking
 * whatever day the demo runs (issue 13): the weekly history has one only on Saturdays. Made on
 * every load, also days later with the same data dir, unless the point already has a session
 * today that is under way or still to come. One id per day, so loading again the same day moves
 * that session rather than adding a second.
 */
final class TodaysSession {
  static final String TOPIC = "Thực hành VNeID và Dịch vụ công trực tuyến";
  static final String TRAINER = "Tổ công nghệ số cộng đồng";
  private static final LocalTime EARLIEST = LocalTime.of(7, 30);

  private final ScheduleStore schedule;

  TodaysSession(ScheduleStore schedule) {
    this.schedule = schedule;
  }

  /** The session added, or empty when the point already has one today that has not ended. */
  Optional<Session> ensure(SupportPoint point, Instant now) {
    ZonedDateTime local = now.atZone(DemoData.VIETNAM);
    LocalDate today = local.toLocalDate();
    Instant dayStart = today.atStartOfDay(DemoData.VIETNAM).toInstant();
    Instant dayEnd = today.plusDays(1).atStartOfDay(DemoData.VIETNAM).toInstant();
    boolean hasOne = schedule.sessionsStarting(point.id(), dayStart, dayEnd).stream()
        .anyMatch(s -> s.status() == Session.Status.SCHEDULED && s.endsAt().isAfter(now));
    if (hasOne) {
      return Optional.empty();
    }
    // Under way now: from the hour before (not before 7:30), for three hours, within the day.
    ZonedDateTime starts = local.truncatedTo(ChronoUnit.HOURS).minusHours(1);
    ZonedDateTime earliest = ZonedDateTime.of(today, EARLIEST, DemoData.VIETNAM);
    if (starts.isBefore(earliest)) {
      starts = earliest;
    }
    Instant ends = starts.plusHours(3).toInstant();
    if (ends.isAfter(dayEnd.minusSeconds(60))) {
      ends = dayEnd.minusSeconds(60);
    }
    Session session = new Session("s-" + point.id() + "-" + today.toString().replace("-", "") + "-demo", point.id(),
        starts.toInstant(), ends, point.place(), TOPIC, TRAINER, Session.Status.SCHEDULED);
    schedule.saveSession(session);
    return Optional.of(session);
  }
}
