package vn.giadinhso.hub.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.giadinhso.hub.storage.Database;

/**
 * Who changed what, when: every dashboard change, sign-in, failed sign-in and sign-out writes one
 * entry. Append-only: database triggers (V23) abort any UPDATE or DELETE on the table.
 */
public final class AuditLog {
  /** One entry; {@code communeId} is null for hub-wide changes such as new users. */
  public record Entry(Instant at, String actor, String communeId, String action, String subject, String detail) {}

  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void record(String actor, String communeId, String action, String subject, String detail) {
    db.writer().useTransaction(h -> h.createUpdate(
            "INSERT INTO audit_log (at, actor, commune_id, action, subject, detail) "
                + "VALUES (:at, :actor, :c, :action, :subject, :detail)")
        .bind("at", clock.instant().toString()).bind("actor", actor).bind("c", communeId)
        .bind("action", action).bind("subject", subject).bind("detail", detail).execute());
  }

  /** Newest first; {@code communeId} null means every commune (admins). */
  public List<Entry> recent(String communeId, int limit) {
    return recentOf(communeId == null ? null : List.of(communeId), limit);
  }

  /** Newest first, of these communes; null means every entry (admins), empty none. */
  public List<Entry> recentOf(java.util.Collection<String> communes, int limit) {
    if (communes != null && communes.isEmpty()) {
      return List.of();
    }
    return db.reader().withHandle(h -> {
      var query = h.createQuery("SELECT at, actor, commune_id, action, subject, detail FROM audit_log "
          + (communes == null ? "" : "WHERE commune_id IN (<c>) ") + "ORDER BY id DESC LIMIT :limit");
      if (communes != null) {
        query.bindList("c", List.copyOf(communes));
      }
      return query.bind("limit", limit).map((rs, ctx) -> new Entry(Instant.parse(rs.getString(1)), rs.getString(2), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6)))
          .list();
    });
  }
}
