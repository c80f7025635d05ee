package vn.giadinhso.hub.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Planning rules over the store: month windows in Vietnam time, recurrence, compliance. */
public final class Schedules {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  /** What staff type into the form, before it becomes instants. */
  public record Plan(String place, String topic, String trainer) {
    public Plan {
      place = require(place, "địa điểm · place");
      topic = require(topic, "chủ đề · topic");
      trainer = require(trainer, "người hướng dẫn · trainer");
    }

    private static String require(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("thiếu " + what);
      }
      if (value.length() > 200) {
        throw new IllegalArgumentException("quá dài: " + what);
      }
      return value.strip();
    }
  }

  private final ScheduleStore store;
  private final Clock clock;

  public Schedules(ScheduleStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public YearMonth currentMonth() {
    return YearMonth.from(clock.instant().atZone(VIETNAM));
  }

  public List<Session> month(String pointId, YearMonth month) {
    return store.sessionsStarting(pointId, start(month), start(month.plusMonths(1)));
  }

  public MonthCompliance compliance(SupportPoint point, YearMonth month) {
    Instant now = clock.instant();
    int planned = 0;
    int held = 0;
    int cancelled = 0;
    for (Session s : month(point.id(), month)) {
      if (s.status() == Session.Status.CANCELLED) {
        cancelled++;
        continue;
      }
      planned++;
      if (s.endsAt().isBefore(now)) {
        held++;
      }
    }
    return new MonthCompliance(point, month, planned, held, cancelled);
  }

  public List<MonthCompliance> compliance(String communeId, YearMonth month) {
    return store.points(communeId).stream().map(p -> compliance(p, month)).toList();
  }

  /**
   * Retires a point: it stays with its history (sessions held, attendance, kiosks), and the
   * sessions it still had planned from now on are cancelled, so kiosks take them off their
   * welcome screens at their next sync. Returns the sessions cancelled.
   */
  public List<Session> retire(SupportPoint point) {
    Instant now = clock.instant();
    store.savePoint(new SupportPoint(point.id(), point.communeId(), point.name(), point.place(),
        point.minSessionsPerMonth(), point.openingHours(), now, point.mobile()));
    List<Session> cancelled = new ArrayList<>();
    for (Session s : store.sessionsStarting(point.id(), now, Instant.parse("9999-12-31T00:00:00Z"))) {
      if (s.status() == Session.Status.SCHEDULED) {
        Session c = new Session(s.id(), s.supportPointId(), s.startsAt(), s.endsAt(), s.place(), s.topic(), s.trainer(),
            Session.Status.CANCELLED);
        store.saveSession(c);
        cancelled.add(c);
      }
    }
    return cancelled;
  }

  /** Creates one session per recurring date; returns them. */
  public List<Session> createRecurring(SupportPoint point, Recurrence recurrence, Plan plan) {
    if (point.retired()) {
      throw new PointRetired(point.id());
    }
    List<Session> created = new ArrayList<>();
    for (LocalDate date : recurrence.dates()) {
      created.add(create(point, date, recurrence.start(), recurrence.end(), plan));
    }
    return created;
  }

  /** @throws PointRetired when the point is retired: it takes no new sessions */
  public Session create(SupportPoint point, LocalDate date, java.time.LocalTime start, java.time.LocalTime end, Plan plan) {
    if (point.retired()) {
      throw new PointRetired(point.id());
    }
    Session session = new Session("s-" + UUID.randomUUID(), point.id(),
        ZonedDateTime.of(date, start, VIETNAM).toInstant(), ZonedDateTime.of(date, end, VIETNAM).toInstant(),
        plan.place(), plan.topic(), plan.trainer(), Session.Status.SCHEDULED);
    store.saveSession(session);
    return session;
  }

  private static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(VIETNAM).toInstant();
  }
}
