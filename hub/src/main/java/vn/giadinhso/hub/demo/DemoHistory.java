package vn.giadinhso.hub.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.Criterion;
import vn.giadinhso.hub.dashboard.Declarations;
import vn.giadinhso.hub.dashboard.SupportRequests;
import vn.giadinhso.hub.ingest.BatchRejected;
import vn.giadinhso.hub.kiosk.Enrolment;
import vn.giadinhso.hub.kiosk.EnrolmentRefused;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.kiosk.KioskReport;
import vn.giadinhso.hub.lesson.LessonPack;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;
import vn.giadinhso.protocol.EventTypes;

/**
 * A year of a commune's history for the demo, so that every chart and trend has something on the
 * first run: weekly sessions at each point for the last twelve months, this month and next (in
 * some months a point holds only two and cancels the rest, so the "under the minimum" flag shows),
 * and at every session already held, kiosk events — scans, attendance, practice lessons,
 * declarations, support requests — sent through {@code IngestService} by a kiosk enrolled at the
 * point, so that the dashboard's counts come out of the same projections as in production. Older
 * declarations and requests are decided and closed through the dashboard's own classes, on a
 * clock set to when staff would have done it.
 *
 * <p>Everything is drawn from the seeded {@link Random} it is given and dated relative to the
 * hub's clock: the same clock gives the same history.
 */
final class DemoHistory {
  static final int MONTHS_BACK = 11;
  private static final String[] SUPPORT_TOPICS = {"vneid", "public-services", "payments", "scam", "other"};
  private static final int BATCH = 500;

  private final HubApp hub;
  private final Random random;
  private final Instant now;
  private final ObjectMapper json = new ObjectMapper();

  DemoHistory(HubApp hub, Random random) {
    this.hub = hub;
    this.random = random;
    this.now = hub.clock.instant();
  }

  /**
   * Weekly sessions at each point (the first on Saturday mornings, the second on Wednesday
   * evenings) from eleven months ago to next month. Whether a point runs short in a month depends
   * on the calendar month, not on today, so loading the demo again later changes no old month.
   */
  List<Session> sessions(int communeIndex, List<SupportPoint> points, String[] topics, String[] trainers) {
    YearMonth thisMonth = YearMonth.from(now.atZone(DemoData.VIETNAM));
    List<Session> out = new ArrayList<>();
    for (int p = 0; p < points.size(); p++) {
      SupportPoint point = points.get(p);
      DayOfWeek day = p == 0 ? DayOfWeek.SATURDAY : DayOfWeek.WEDNESDAY;
      LocalTime start = p == 0 ? LocalTime.of(8, 0) : LocalTime.of(19, 0);
      int index = 0;
      for (YearMonth month = thisMonth.minusMonths(MONTHS_BACK); !month.isAfter(thisMonth.plusMonths(1));
          month = month.plusMonths(1)) {
        boolean short_ = (month.getMonthValue() + p + 2 * communeIndex) % 5 == 0;
        int inMonth = 0;
        for (LocalDate date = month.atDay(1); !date.isAfter(month.atEndOfMonth()); date = date.plusDays(1)) {
          if (date.getDayOfWeek() != day) {
            continue;
          }
          ZonedDateTime starts = ZonedDateTime.of(date, start, DemoData.VIETNAM);
          Session session = new Session("s-" + point.id() + "-" + date.toString().replace("-", ""),
              point.id(), starts.toInstant(), starts.plusHours(2).toInstant(), point.place(),
              topics[(index + p) % topics.length], trainers[(index + 2 * p) % trainers.length],
              short_ && inMonth >= 2 ? Session.Status.CANCELLED : Session.Status.SCHEDULED);
          hub.schedule.saveSession(session);
          out.add(session);
          index++;
          inMonth++;
        }
      }
    }
    return out;
  }

  /** The kiosk events of every session already held, then staff decisions on the older ones. */
  void activity(CriteriaSet set, List<SupportPoint> points, List<Session> sessions, List<String> households) {
    List<LessonPack> lessons = hub.lessonPacks.latest().stream()
        .filter(pack -> pack.criteria().stream().allMatch(set::hasCriterion)).toList();
    List<String> criteria = set.criteria().stream().map(Criterion::id).toList();
    Map<String, Kiosk> kiosks = new LinkedHashMap<>();
    for (SupportPoint point : points) {
      kiosks.put(point.id(), enrol(point.id()));
    }
    Map<String, List<ObjectNode>> events = new LinkedHashMap<>();
    kiosks.keySet().forEach(p -> events.put(p, new ArrayList<>()));
    List<String[]> declared = new ArrayList<>(); // household, criterion, at
    List<String[]> requested = new ArrayList<>(); // event id, at
    for (Session session : sessions) {
      if (session.status() != Session.Status.SCHEDULED || !session.endsAt().isBefore(now)) {
        continue;
      }
      List<ObjectNode> out = events.get(session.supportPointId());
      Set<String> attendees = new LinkedHashSet<>();
      int wanted = 4 + random.nextInt(9);
      while (attendees.size() < Math.min(wanted, households.size())) {
        attendees.add(households.get(random.nextInt(households.size())));
      }
      for (String household : attendees) {
        Instant at = session.startsAt().plusSeconds(60L * random.nextInt(60));
        out.add(event(EventTypes.IDENTIFIED, at, payload().put("method", "household_qr").put("result", "FOUND")
            .put("householdCode", household)));
        out.add(event(EventTypes.ATTENDANCE_CHECKED_IN, at.plusSeconds(30), payload()
            .put("sessionId", session.id()).put("householdCode", household)));
        if (!lessons.isEmpty() && random.nextDouble() < 0.45) {
          LessonPack lesson = lessons.get(random.nextInt(lessons.size()));
          ObjectNode p = payload().put("lessonId", lesson.id()).put("version", lesson.version())
              .put("householdCode", household);
          ArrayNode taught = p.putArray("criteria");
          lesson.criteria().forEach(taught::add);
          p.put("score", 60 + random.nextInt(41)).put("durationSeconds", 300 + random.nextInt(900));
          out.add(event(EventTypes.LESSON_COMPLETED, at.plusSeconds(60L * (20 + random.nextInt(60))), p));
        }
      }
      List<String> people = List.copyOf(attendees);
      if (random.nextDouble() < 0.6) {
        String household = people.get(random.nextInt(people.size()));
        String criterion = criteria.get(random.nextInt(criteria.size()));
        Instant at = session.startsAt().plusSeconds(60L * (30 + random.nextInt(60)));
        out.add(event(EventTypes.CRITERION_DECLARED, at, payload().put("householdCode", household)
            .put("criterionId", criterion).put("status", "DECLARED")));
        declared.add(new String[] {household, criterion, at.toString()});
      }
      if (random.nextDouble() < 0.4) {
        Instant at = session.startsAt().plusSeconds(60L * (10 + random.nextInt(90)));
        ObjectNode request = event(EventTypes.SUPPORT_REQUESTED, at, payload()
            .put("topic", SUPPORT_TOPICS[random.nextInt(SUPPORT_TOPICS.length)])
            .put("householdCode", people.get(random.nextInt(people.size()))));
        out.add(request);
        requested.add(new String[] {request.get("id").asText(), at.toString()});
      }
    }
    kiosks.forEach((point, kiosk) -> send(kiosk, events.get(point)));
    decide(declared);
    close(requested);
  }

  /** Declarations older than three weeks were checked by staff a few days after: most met, some not. */
  private void decide(List<String[]> declared) {
    for (String[] d : declared) {
      Instant at = Instant.parse(d[2]);
      if (at.isAfter(now.minus(Duration.ofDays(21)))) {
        continue; // still waiting in the queue
      }
      Instant decided = at.plus(Duration.ofDays(1 + random.nextInt(6)));
      boolean met = random.nextDouble() < 0.85;
      new Declarations(hub.db, hub.households, Clock.fixed(decided, ZoneOffset.UTC))
          .decide(d[0], d[1], met, met ? "Đã kiểm tra trên điện thoại của hộ" : "Chưa làm được khi kiểm tra lại",
              "demo: cán bộ Văn hóa – Xã hội");
    }
  }

  /** Requests older than two weeks were answered and closed. */
  private void close(List<String[]> requested) {
    for (String[] r : requested) {
      Instant at = Instant.parse(r[1]);
      if (at.isAfter(now.minus(Duration.ofDays(14)))) {
        continue;
      }
      new SupportRequests(hub.db, Clock.fixed(at.plus(Duration.ofDays(1 + random.nextInt(4))), ZoneOffset.UTC))
          .update(r[0], SupportRequests.Status.CLOSED, "to-cong-nghe-so", "Đã hướng dẫn tại điểm hỗ trợ",
              "demo: cán bộ Văn hóa – Xã hội");
    }
  }

  private Kiosk enrol(String pointId) {
    try {
      Enrolment e = hub.kiosks.enrol(hub.kiosks.newEnrolmentCode(pointId));
      return new Kiosk(e.kioskId(), e.supportPointId(), e.communeId());
    } catch (EnrolmentRefused e) {
      throw new IllegalStateException("the demo could not enrol its own kiosk: " + e.getMessage(), e);
    }
  }

  /** In time order and in batches, as a kiosk coming back online sends its outbox. */
  private void send(Kiosk kiosk, List<ObjectNode> events) {
    events.sort(Comparator.comparing(e -> e.get("at").asText()));
    for (int from = 0; from < events.size(); from += BATCH) {
      ObjectNode body = json.createObjectNode();
      body.putArray("events").addAll(events.subList(from, Math.min(events.size(), from + BATCH)));
      try {
        hub.ingest.ingest(kiosk, new KioskReport("demo", 0, "ok"), json.writeValueAsBytes(body));
      } catch (BatchRejected | com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("the demo's own events were refused: " + e.getMessage(), e);
      }
    }
  }

  private ObjectNode payload() {
    return json.createObjectNode();
  }

  private ObjectNode event(String type, Instant at, ObjectNode payload) {
    ObjectNode e = json.createObjectNode();
    e.put("id", id(at)).put("type", type).put("at", at.toString()).set("payload", payload);
    return e;
  }

  /** A UUIDv7 for the event's time, its other bits from the seeded random: the same seed, the same ids. */
  private String id(Instant at) {
    long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000);
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }
}
