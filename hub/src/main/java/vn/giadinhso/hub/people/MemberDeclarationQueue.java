package vn.giadinhso.hub.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.MemberNames;

/**
 * What residents declared about themselves at a kiosk ({@code member.declared}), waiting for staff.
 * Verifying a "yes" to VNeID level 2 records it for that member with source
 * {@value VneidRecord#KIOSK_DECLARED_VERIFIED}; verifying a "no" records that they have not; an
 * "unsure" can only be dismissed (staff help the resident find out instead).
 */
public final class MemberDeclarationQueue {
  /** One declaration as staff see it: the member masked, never their hash or number. */
  public record Pending(String eventId, String householdCode, String village, String memberName, String idMasked,
      String claim, String answer, Instant at) {
    public boolean verifiable() {
      return !"unsure".equals(answer);
    }

    /** The message key of the claim (people_*.properties), for the pages. */
    public String claimLabel() {
      return "people.claim." + claim;
    }

    /** The message key of the answer (people_*.properties), for the pages. */
    public String answerLabel() {
      return "people.answer." + answer;
    }
  }

  private final Database db;
  private final MemberProgressStore progress;
  private final Clock clock;

  public MemberDeclarationQueue(Database db, MemberProgressStore progress, Clock clock) {
    this.db = db;
    this.progress = progress;
    this.clock = clock;
  }

  /** The commune's undecided declarations, oldest first; {@code householdCode} null for all. */
  public List<Pending> pending(String communeId, String householdCode) {
    return db.reader().withHandle(h -> {
      var query = h.createQuery("SELECT d.event_id, d.household_code, v.name, m.full_name, m.id_masked, "
            + "d.claim, d.answer, d.at FROM member_declaration d "
            + "JOIN household hh ON hh.code = d.household_code AND hh.commune_id = d.commune_id "
            + "JOIN village v ON v.id = hh.village_id "
            + "JOIN member m ON m.household_id = hh.id AND m.id_hash = d.member_hash "
            + "WHERE d.commune_id = :c AND d.decided_at IS NULL"
            + (householdCode == null ? "" : " AND d.household_code = :code") + " ORDER BY d.at LIMIT 500")
          .bind("c", communeId);
      if (householdCode != null) {
        query.bind("code", householdCode);
      }
      return query.map((rs, ctx) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), MemberNames.mask(rs.getString(4)),
            rs.getString(5), rs.getString(6), rs.getString(7), Instant.parse(rs.getString(8))))
          .list();
    });
  }

  /**
   * Staff decide one declaration of their commune.
   *
   * @return the household code, or empty when no undecided declaration of the commune has this id
   */
  public Optional<String> decide(String communeId, String eventId, boolean verify, String staff) {
    Instant now = clock.instant();
    return db.writer().inTransaction(tx -> {
      var row = tx.createQuery("SELECT household_code, member_hash, answer FROM member_declaration "
              + "WHERE event_id = :id AND commune_id = :c AND decided_at IS NULL")
          .bind("id", eventId).bind("c", communeId).mapToMap().findOne();
      if (row.isEmpty()) {
        return Optional.<String>empty();
      }
      String answer = (String) row.get().get("answer");
      boolean verified = verify && !"unsure".equals(answer);
      if (verified) {
        progress.recordVneid(tx, communeId, (String) row.get().get("member_hash"),
            new VneidRecord("yes".equals(answer), VneidRecord.KIOSK_DECLARED_VERIFIED, now, staff));
      }
      tx.createUpdate("UPDATE member_declaration SET decided_at = :now, decided_by = :by, decision = :d WHERE event_id = :id")
          .bind("now", now.toString()).bind("by", staff).bind("d", verified ? "VERIFIED" : "REJECTED").bind("id", eventId)
          .execute();
      return Optional.of((String) row.get().get("household_code"));
    });
  }
}
