package vn.giadinhso.hub.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Support points and their sessions. */
public interface ScheduleStore {
  void savePoint(SupportPoint point);

  Optional<SupportPoint> point(String id);

  /** A commune's points, retired ones too (after those in use). */
  List<SupportPoint> points(String communeId);

  /** Inserts or replaces a session by id; the sync revision moves on. */
  void saveSession(Session session);

  Optional<Session> session(String id);

  /** A point's sessions (cancelled too) starting in [from, to), by start time. */
  List<Session> sessionsStarting(String supportPointId, Instant from, Instant to);

  /** A point's sessions changed after {@code afterRev} up to {@code maxRev}, by start time. */
  List<Session> sessionsChanged(String supportPointId, long afterRev, long maxRev);
}
