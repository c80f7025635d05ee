package vn.giadinhso.hub.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.SearchText;
import vn.giadinhso.hub.storage.Database;

/**
 * "Tôi đã làm được": what residents declared, waiting for staff. The queue holds declarations sent
 * by kiosks and households whose newest status is DECLARED; a decision records MET (or NOT_MET on
 * rejection) in the household's status history, so HouseholdEvaluator sees it.
 */
public final class Declarations {
  public record Pending(String householdCode, String headName, String village, String criterionId, Instant at) {}

  private final Database db;
  private final HouseholdStore households;
  private final Clock clock;

  public Declarations(Database db, HouseholdStore households, Clock clock) {
    this.db = db;
    this.households = households;
    this.clock = clock;
  }

  public List<Pending> queue(String communeId) {
    return queue(communeId, "");
  }

  /**
   * The queue, narrowed to households whose code, village or names contain {@code query} (case and
   * diacritics ignored, as in the household search; {@code %} and {@code _} match literally).
   */
  public List<Pending> queue(String communeId, String query) {
    String folded = SearchText.fold(query);
    String filter = folded.isEmpty() ? "" : "AND h.search_text LIKE :like" + LikeText.ESCAPE + " ";
    return db.reader().withHandle(h -> {
      var select = h.createQuery(
            "SELECT h.code, h.head_name, v.name, q.criterion_id, MIN(q.at) FROM ("
                + "  SELECT household_code, criterion_id, at FROM declaration WHERE decided_at IS NULL"
                + "  UNION ALL"
                + "  SELECT hh.code, s.criterion_id, s.at FROM criterion_status s JOIN household hh ON hh.id = s.household_id"
                + "  WHERE hh.commune_id = :c AND s.status = 'DECLARED' AND s.id = (SELECT MAX(id) FROM criterion_status x"
                + "    WHERE x.household_id = s.household_id AND x.criterion_id = s.criterion_id)"
                + ") q JOIN household h ON h.code = q.household_code AND h.commune_id = :c " + filter
                + "JOIN village v ON v.id = h.village_id GROUP BY h.code, h.head_name, v.name, q.criterion_id ORDER BY MIN(q.at) LIMIT 500")
        .bind("c", communeId);
      if (!folded.isEmpty()) {
        select.bind("like", LikeText.containing(folded));
      }
      return select.map((rs, ctx) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
          Instant.parse(rs.getString(5)))).list();
    });
  }

  /** Staff decide: MET, or a rejection with the reason in the note. */
  public void decide(String householdCode, String criterionId, boolean met, String note, String staff) {
    Instant now = clock.instant();
    households.recordStatus(householdCode, new StatusRecord(criterionId,
        met ? CriterionStatus.MET : CriterionStatus.NOT_MET, "staff", staff, now,
        (met ? "Xác minh: " : "Từ chối: ") + (note == null || note.isBlank() ? "—" : note)));
    db.writer().useTransaction(h -> h.createUpdate("UPDATE declaration SET decided_at = :now, decided_by = :by, "
            + "decision = :d WHERE household_code = :hc AND criterion_id = :cid AND decided_at IS NULL")
        .bind("now", now.toString()).bind("by", staff).bind("d", met ? CriterionStatus.MET.name() : "REJECTED")
        .bind("hc", householdCode).bind("cid", criterionId).execute());
  }
}
