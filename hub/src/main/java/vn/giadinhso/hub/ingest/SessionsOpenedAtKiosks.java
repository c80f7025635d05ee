package vn.giadinhso.hub.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SqliteScheduleStore;
import vn.giadinhso.hub.storage.Revisions;
import vn.giadinhso.protocol.EventTypes;

/**
 * Sessions staff opened unscheduled at a kiosk (issue 13), from {@code session.opened_at_kiosk}:
 * {@code {"sessionId", "topic", "startsAt", "endsAt"}}. Each becomes a session of the kiosk's
 * support point, marked {@code opened_at_kiosk}, counted toward the month like a planned one. The
 * same session sent again (a new event id, e.g. after a restore) changes nothing, nor can it
 * replace a session the hub already has. Check-ins that arrived before it are counted now
 * ({@link PendingAttendance}). Runs before {@link AttendanceProjection}, so a batch that opens a
 * session and checks people in counts them. {@code session.closed_at_kiosk} ends one early.
 */
final class SessionsOpenedAtKiosks implements DashboardProjection {
  static final String NOT_VALID = "session opened at the kiosk is not valid";
  static final String NO_POINT = "kiosk's support point takes no new sessions";
  static final String NOT_CLOSED = "no session opened at this point's kiosks ends later than that";
  static final String CLOSE_WAITING = "session not received yet: it ends then when it arrives";
  // A session a kiosk opens is a few hours at most; a longer one is a kiosk clock or a bug.
  private static final Duration LONGEST = Duration.ofHours(12);
  private static final int MAX_TOPIC = 200;
  private static final String TRAINER = "—";

  private record Point(String place, boolean retired) {}

  @Override
  public void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored) {
    Optional<Point> point = null;
    for (IncomingEvent event : newlyStored) {
      if (EventTypes.SESSION_CLOSED_AT_KIOSK.equals(event.type())) {
        close(tx, kiosk, event);
        continue;
      }
      if (!EventTypes.SESSION_OPENED_AT_KIOSK.equals(event.type())) {
        continue;
      }
      if (point == null) {
        point = point(tx, kiosk);
      }
      if (point.isEmpty() || point.get().retired()) {
        IgnoredEvents.record(tx, event.id(), NO_POINT);
        continue;
      }
      Optional<Session> session = session(PayloadFields.of(event), kiosk.supportPointId(), point.get().place());
      if (session.isEmpty()) {
        IgnoredEvents.record(tx, event.id(), NOT_VALID);
        continue;
      }
      Session s = session.get();
      if (SqliteScheduleStore.insertIfNew(tx, s)) {
        PendingAttendance.release(tx, s.id(), kiosk.communeId(), s.supportPointId(), s.startsAt());
        releaseWaitingCloses(tx, kiosk, s.id());
      }
    }
  }

  /**
   * Staff closed a session they opened here before its planned end: it ends then. Only a session
   * opened at a kiosk of the same point, only earlier than planned and after it started; anything
   * else is ignored with its reason. Closing again (a later event) can only make it shorter.
   */
  private static void close(Handle tx, Kiosk kiosk, IncomingEvent event) {
    PayloadFields payload = PayloadFields.of(event);
    String id = payload.text("sessionId");
    Instant ends;
    try {
      ends = Instant.parse(payload.text("endsAt"));
    } catch (DateTimeParseException | NullPointerException e) {
      IgnoredEvents.record(tx, event.id(), NOT_VALID);
      return;
    }
    if (id != null && endEarly(tx, kiosk, id, ends) == 0) {
      boolean arrived = tx.createQuery("SELECT COUNT(*) FROM session WHERE id = :id").bind("id", id)
          .mapTo(Integer.class).one() > 0;
      // Batches in flight may land out of order (kiosk-012): a close before its session waits for it.
      IgnoredEvents.record(tx, event.id(), arrived ? NOT_CLOSED : CLOSE_WAITING);
    } else if (id == null) {
      IgnoredEvents.record(tx, event.id(), NOT_CLOSED);
    }
  }

  private static int endEarly(Handle tx, Kiosk kiosk, String sessionId, Instant ends) {
    return tx.createUpdate("UPDATE session SET ends_at = :ends, rev = :rev "
            + "WHERE id = :id AND support_point_id = :p AND opened_at_kiosk = 1 AND starts_at < :ends AND ends_at > :ends")
        .bind("ends", ends.toString()).bind("rev", Revisions.next(tx)).bind("id", sessionId)
        .bind("p", kiosk.supportPointId()).execute();
  }

  /**
   * The session has arrived: closes this kiosk sent for it earlier apply now (or, if they would
   * not end it early, stay ignored as NOT_CLOSED). Only this kiosk's waiting closes are read, a
   * handful at most.
   */
  private static void releaseWaitingCloses(Handle tx, Kiosk kiosk, String sessionId) {
    List<IncomingEvent> waiting = tx.createQuery("SELECT e.id, e.type, e.at, e.payload FROM event_ignored i "
            + "JOIN event e ON e.id = i.event_id WHERE i.reason = :r AND e.kiosk_id = :k")
        .bind("r", CLOSE_WAITING).bind("k", kiosk.id())
        .map((rs, ctx) -> new IncomingEvent(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
            rs.getString(4)))
        .list();
    for (IncomingEvent close : waiting) {
      PayloadFields payload = PayloadFields.of(close);
      if (!sessionId.equals(payload.text("sessionId"))) {
        continue;
      }
      boolean ended = endEarly(tx, kiosk, sessionId, Instant.parse(payload.text("endsAt"))) > 0;
      tx.createUpdate("DELETE FROM event_ignored WHERE event_id = :id").bind("id", close.id()).execute();
      if (!ended) {
        IgnoredEvents.record(tx, close.id(), NOT_CLOSED);
      }
    }
  }

  private static Optional<Point> point(Handle tx, Kiosk kiosk) {
    if (kiosk.supportPointId() == null) {
      return Optional.empty();
    }
    return tx.createQuery("SELECT place, retired_at FROM support_point WHERE id = :p AND commune_id = :c")
        .bind("p", kiosk.supportPointId()).bind("c", kiosk.communeId())
        .map((rs, ctx) -> new Point(rs.getString(1), rs.getString(2) != null))
        .findOne();
  }

  private static Optional<Session> session(PayloadFields payload, String pointId, String place) {
    String id = payload.text("sessionId");
    String topic = payload.text("topic");
    if (id == null || !isUuid(id) || topic == null || topic.isBlank() || topic.length() > MAX_TOPIC) {
      return Optional.empty();
    }
    try {
      Instant starts = Instant.parse(payload.text("startsAt"));
      Instant ends = Instant.parse(payload.text("endsAt"));
      if (!ends.isAfter(starts) || Duration.between(starts, ends).compareTo(LONGEST) > 0) {
        return Optional.empty();
      }
      return Optional.of(new Session(id, pointId, starts, ends, place, topic.strip(), TRAINER,
          Session.Status.SCHEDULED, true));
    } catch (DateTimeParseException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private static boolean isUuid(String id) {
    try {
      return UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
