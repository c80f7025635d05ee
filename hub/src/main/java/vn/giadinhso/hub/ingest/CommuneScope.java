package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What a kiosk's events may name (issue 10 point 5): households and sessions of the kiosk's own
 * commune. Looked up in the batch's transaction and remembered for the batch, since a batch
 * usually names the same few many times.
 */
final class CommuneScope {
  static final String OUTSIDE_SESSION = "session not in this kiosk's commune";

  /** A session of the commune: where it is held and when it starts (its month counts attendance). */
  record Session(String supportPointId, Instant startsAt) {}

  private final Handle tx;
  private final String communeId;
  private final Map<String, Boolean> households = new HashMap<>();
  private final Map<String, Optional<Session>> sessions = new HashMap<>();

  CommuneScope(Handle tx, String communeId) {
    this.tx = tx;
    this.communeId = communeId;
  }

  boolean hasHousehold(String code) {
    return households.computeIfAbsent(code, c -> tx.createQuery(
            "SELECT COUNT(*) FROM household WHERE code = :code AND commune_id = :c")
        .bind("code", c).bind("c", communeId).mapTo(Integer.class).one() > 0);
  }

  Optional<Session> session(String id) {
    return sessions.computeIfAbsent(id, s -> tx.createQuery(
            "SELECT s.support_point_id, s.starts_at FROM session s JOIN support_point p ON p.id = s.support_point_id "
                + "WHERE s.id = :s AND p.commune_id = :c")
        .bind("s", s).bind("c", communeId)
        .map((rs, ctx) -> new Session(rs.getString(1), Instant.parse(rs.getString(2))))
        .findOne());
  }
}
