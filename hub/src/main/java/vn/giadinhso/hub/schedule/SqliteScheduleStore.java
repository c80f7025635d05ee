package vn.giadinhso.hub.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;

public final class SqliteScheduleStore implements ScheduleStore {
  private final Database db;

  public SqliteScheduleStore(Database db) {
    this.db = db;
  }

  @Override
  public void savePoint(SupportPoint p) {
    db.writer().useTransaction(h ->
        h.createUpdate("INSERT INTO support_point (id, commune_id, name, place, min_sessions_per_month, opening_hours, "
                + "retired_at, mobile) VALUES (:id, :c, :name, :place, :min, :hours, :retired, :mobile) ON CONFLICT (id) DO UPDATE SET "
                + "commune_id = excluded.commune_id, name = excluded.name, place = excluded.place, "
                + "min_sessions_per_month = excluded.min_sessions_per_month, opening_hours = excluded.opening_hours, "
                + "retired_at = excluded.retired_at, mobile = excluded.mobile")
            .bind("id", p.id())
            .bind("c", p.communeId())
            .bind("name", p.name())
            .bind("place", p.place())
            .bind("min", p.minSessionsPerMonth())
            .bind("hours", p.openingHours())
            .bind("retired", p.retiredAt() == null ? null : p.retiredAt().toString())
            .bind("mobile", p.mobile() ? 1 : 0)
            .execute());
  }

  private static final String POINT_COLUMNS =
      "SELECT id, commune_id, name, place, min_sessions_per_month, opening_hours, retired_at, mobile FROM support_point ";

  private static SupportPoint point(java.sql.ResultSet rs) throws java.sql.SQLException {
    String retired = rs.getString(7);
    return new SupportPoint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
        rs.getString(6), retired == null ? null : Instant.parse(retired), rs.getInt(8) == 1);
  }

  @Override
  public Optional<SupportPoint> point(String id) {
    return db.reader().withHandle(h -> h.createQuery(POINT_COLUMNS + "WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> point(rs)).findOne());
  }

  /** Points in use first, then retired ones. */
  @Override
  public List<SupportPoint> points(String communeId) {
    return db.reader().withHandle(h -> h.createQuery(POINT_COLUMNS
            + "WHERE commune_id = :c ORDER BY CASE WHEN retired_at IS NULL THEN 0 ELSE 1 END, id")
        .bind("c", communeId).map((rs, ctx) -> point(rs)).list());
  }

  @Override
  public void saveSession(Session s) {
    db.writer().useTransaction(h ->
        // opened_at_kiosk is set once, on insert: an edit on the dashboard keeps where it came from.
        insertSession(h, s, "ON CONFLICT (id) DO UPDATE SET "
            + "support_point_id = excluded.support_point_id, starts_at = excluded.starts_at, ends_at = excluded.ends_at, "
            + "place = excluded.place, topic = excluded.topic, trainer = excluded.trainer, status = excluded.status, "
            + "rev = excluded.rev"));
  }

  /**
   * Inserts a session inside the caller's write transaction unless one with its id exists (of any
   * point): false then, and nothing changes. For sessions kiosks report (ingest), where the same
   * session sent again must not move it, nor may a kiosk overwrite a planned one.
   */
  public static boolean insertIfNew(org.jdbi.v3.core.Handle tx, Session s) {
    return insertSession(tx, s, "ON CONFLICT (id) DO NOTHING") > 0;
  }

  /** Inserts a session with a new revision; {@code onConflict} says what an existing id does. */
  private static int insertSession(org.jdbi.v3.core.Handle h, Session s, String onConflict) {
    return h.createUpdate("INSERT INTO session (id, support_point_id, starts_at, ends_at, place, topic, trainer, status, rev, "
            + "opened_at_kiosk) VALUES (:id, :p, :start, :end, :place, :topic, :trainer, :status, :rev, :kiosk) "
            + onConflict)
        .bind("id", s.id())
        .bind("p", s.supportPointId())
        .bind("start", s.startsAt().toString())
        .bind("end", s.endsAt().toString())
        .bind("place", s.place())
        .bind("topic", s.topic())
        .bind("trainer", s.trainer())
        .bind("status", s.status().name())
        .bind("rev", Revisions.next(h))
        .bind("kiosk", s.openedAtKiosk() ? 1 : 0)
        .execute();
  }

  private static final String SESSION_COLUMNS =
      "SELECT id, support_point_id, starts_at, ends_at, place, topic, trainer, status, opened_at_kiosk FROM session ";

  private static Session session(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Session(rs.getString(1), rs.getString(2), Instant.parse(rs.getString(3)),
        Instant.parse(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
        Session.Status.valueOf(rs.getString(8)), rs.getInt(9) == 1);
  }

  @Override
  public Optional<Session> session(String id) {
    return db.reader().withHandle(h -> h.createQuery(SESSION_COLUMNS + "WHERE id = :id")
        .bind("id", id).map((rs, ctx) -> session(rs)).findOne());
  }

  @Override
  public List<Session> sessionsStarting(String supportPointId, Instant from, Instant to) {
    // Instants are stored as ISO-8601 UTC text (Instant.toString), which sorts like time.
    return db.reader().withHandle(h -> h.createQuery(SESSION_COLUMNS
            + "WHERE support_point_id = :p AND starts_at >= :from AND starts_at < :to ORDER BY starts_at")
        .bind("p", supportPointId).bind("from", from.toString()).bind("to", to.toString())
        .map((rs, ctx) -> session(rs)).list());
  }

  @Override
  public List<Session> sessionsChanged(String supportPointId, long afterRev, long maxRev) {
    return db.reader().withHandle(h ->
        h.createQuery(SESSION_COLUMNS + "WHERE support_point_id = :p AND rev > :after AND rev <= :max ORDER BY starts_at")
            .bind("p", supportPointId)
            .bind("after", afterRev)
            .bind("max", maxRev)
            .map((rs, ctx) -> session(rs))
            .list());
  }
}
