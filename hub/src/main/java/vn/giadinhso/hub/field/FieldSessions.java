package vn.giadinhso.hub.field;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.schedule.ScheduleStore;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * The sessions a team member may take attendance at on the phone: today's (Vietnam time), of
 * their commune's points in use, not cancelled. Mobile points' first: that is what the phone is for.
 */
public final class FieldSessions {
  public record Line(String id, String pointId, String point, boolean mobile, String place, String topic,
      Instant startsAt, Instant endsAt) {}

  private final ScheduleStore schedule;
  private final Clock clock;

  public FieldSessions(ScheduleStore schedule, Clock clock) {
    this.schedule = schedule;
    this.clock = clock;
  }

  public List<Line> today(StaffUser user) {
    if (user.communeId() == null) {
      return List.of();
    }
    LocalDate today = clock.instant().atZone(Schedules.VIETNAM).toLocalDate();
    Instant from = today.atStartOfDay(Schedules.VIETNAM).toInstant();
    Instant to = today.plusDays(1).atStartOfDay(Schedules.VIETNAM).toInstant();
    List<Line> lines = new ArrayList<>();
    for (SupportPoint point : schedule.points(user.communeId())) {
      if (point.retired()) {
        continue;
      }
      for (Session s : schedule.sessionsStarting(point.id(), from, to)) {
        if (s.status() == Session.Status.SCHEDULED) {
          lines.add(new Line(s.id(), point.id(), point.name(), point.mobile(), s.place(), s.topic(), s.startsAt(),
              s.endsAt()));
        }
      }
    }
    lines.sort(Comparator.comparing((Line l) -> !l.mobile()).thenComparing(Line::startsAt));
    return lines;
  }
}
