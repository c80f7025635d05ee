package vn.giadinhso.hub.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/** "Tôi cần hỗ trợ" from kiosks: a queue per commune that staff assign, annotate and close. */
public final class SupportRequests {
  public enum Status { OPEN, ASSIGNED, CLOSED }

  public record Request(String id, Instant at, String topic, String phone, String householdCode, String village,
      String pointId, Status status, String assignee, String note) {}

  private final Database db;
  private final Clock clock;

  public SupportRequests(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  private static final String SELECT =
      "SELECT r.event_id, r.at, r.topic, r.phone, r.household_code, v.name, k.support_point_id, r.status, r.assignee, r.note "
          + "FROM support_request r JOIN kiosk k ON k.id = r.kiosk_id JOIN support_point p ON p.id = k.support_point_id "
          // Only a household of the kiosk's own commune lends its village (issue 10 point 5).
          + "LEFT JOIN household h ON h.code = r.household_code AND h.commune_id = p.commune_id "
          + "LEFT JOIN village v ON v.id = h.village_id ";

  /** Open and assigned requests first (oldest first), then the last closed ones. */
  public List<Request> queue(String communeId) {
    return db.reader().withHandle(h -> h.createQuery(SELECT + "WHERE p.commune_id = :c "
            + "ORDER BY r.status = 'CLOSED', CASE WHEN r.status = 'CLOSED' THEN r.updated_at END DESC, r.at LIMIT 500")
        .bind("c", communeId).map((rs, ctx) -> row(rs)).list());
  }

  public Optional<Request> find(String communeId, String id) {
    return db.reader().withHandle(h -> h.createQuery(SELECT + "WHERE p.commune_id = :c AND r.event_id = :id")
        .bind("c", communeId).bind("id", id).map((rs, ctx) -> row(rs)).findOne());
  }

  public void update(String id, Status status, String assignee, String note, String by) {
    db.writer().useTransaction(h -> h.createUpdate("UPDATE support_request SET status = :s, assignee = :a, note = :n, "
            + "updated_by = :by, updated_at = :now WHERE event_id = :id")
        .bind("s", status.name()).bind("a", assignee).bind("n", note).bind("by", by)
        .bind("now", clock.instant().toString()).bind("id", id).execute());
  }

  private static Request row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Request(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), Status.valueOf(rs.getString(8)), rs.getString(9),
        rs.getString(10));
  }
}
