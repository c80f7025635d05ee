package vn.giadinhso.hub.household;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.storage.Revisions;

/**
 * Appends one entry to a household's status history inside the caller's write transaction and
 * moves the household's sync revision, so kiosks receive the new evaluation. Shared by staff
 * verification and by events that carry evidence (a lesson completed at a kiosk).
 */
public final class StatusAppender {
  private StatusAppender() {}

  /** @return false when no household has this code */
  public static boolean append(Handle tx, String householdCode, StatusRecord record) {
    Optional<Long> id = tx.createQuery("SELECT id FROM household WHERE code = :code")
        .bind("code", householdCode)
        .mapTo(Long.class)
        .findOne();
    if (id.isEmpty()) {
      return false;
    }
    tx.createUpdate("INSERT INTO criterion_status (household_id, criterion_id, status, source, actor, at, note) "
            + "VALUES (:hid, :cid, :status, :source, :actor, :at, :note)")
        .bind("hid", id.get())
        .bind("cid", record.criterionId())
        .bind("status", record.status().name())
        .bind("source", record.source())
        .bind("actor", record.actor())
        .bind("at", record.at().toString())
        .bind("note", record.note())
        .execute();
    tx.createUpdate("UPDATE household SET rev = :rev WHERE id = :id")
        .bind("rev", Revisions.next(tx))
        .bind("id", id.get())
        .execute();
    return true;
  }
}
