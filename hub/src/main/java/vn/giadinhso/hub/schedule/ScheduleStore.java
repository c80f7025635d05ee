package vn.giadinhso.hub.schedule;

import java.util.List;
import java.util.Optional;

/** Support points and their sessions. */
public interface ScheduleStore {
  void savePoint(SupportPoint point);

  Optional<SupportPoint> point(String id);

  List<SupportPoint> points(String communeId);

  /** Inserts or replaces a session by id; the sync revision moves on. */
  void saveSession(Session session);

  /** A point's sessions changed after {@code afterRev} up to {@code maxRev}, by start time. */
  List<Session> sessionsChanged(String supportPointId, long afterRev, long maxRev);
}
