package vn.giadinhso.hub.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import vn.giadinhso.hub.storage.Database;

/** A commune's kiosks as staff see them; a kiosk not heard from for a day is flagged stale. */
public final class KioskList {
  public static final Duration STALE_AFTER = Duration.ofHours(24);

  public record Entry(String id, String pointId, Instant enrolledAt, Instant lastSeen, String version,
      Integer backlog, String readerState, boolean revoked, boolean stale) {}

  private final Database db;
  private final Clock clock;

  public KioskList(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public List<Entry> forCommune(String communeId) {
    Instant staleBefore = clock.instant().minus(STALE_AFTER);
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT k.id, k.support_point_id, k.enrolled_at, k.last_seen_at, k.version, k.backlog, k.reader_state, "
                + "k.revoked_at IS NOT NULL FROM kiosk k JOIN support_point p ON p.id = k.support_point_id "
                + "WHERE p.commune_id = :c ORDER BY k.revoked_at IS NOT NULL, k.support_point_id, k.enrolled_at")
        .bind("c", communeId)
        .map((rs, ctx) -> {
          Instant seen = rs.getString(4) == null ? null : Instant.parse(rs.getString(4));
          boolean revoked = rs.getBoolean(8);
          return new Entry(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)), seen, rs.getString(5),
              (Integer) rs.getObject(6), rs.getString(7), revoked, !revoked && (seen == null || seen.isBefore(staleBefore)));
        })
        .list());
  }
}
