package vn.giadinhso.hub.ingest;

import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.protocol.EventTypes;

/**
 * {@code member_declaration}, what residents said about themselves at a kiosk, from
 * {@code member.declared}: {@code {"householdCode", "memberHash" (opened from memberSealed by
 * SealedMembers), "claim", "answer"}} (issue 15). A household of another commune puts the event in
 * {@code event_ignored}; an event missing a field, with an unknown claim or answer, or naming a
 * member who is not of that household is skipped (stored and exported, never queued).
 */
final class MemberDeclarations extends HouseholdQueueProjection {
  static final Set<String> CLAIMS = Set.of("vneid.level2");
  static final Set<String> ANSWERS = Set.of("yes", "no", "unsure");

  MemberDeclarations() {
    super(EventTypes.MEMBER_DECLARED);
  }

  @Override
  void store(Handle tx, Kiosk kiosk, IncomingEvent event, PayloadFields payload, String household) {
    String member = payload.text("memberHash");
    String claim = payload.text("claim");
    String answer = payload.text("answer");
    if (household == null || member == null || !CLAIMS.contains(claim) || !ANSWERS.contains(answer)
        || !memberOf(tx, household, member)) {
      return;
    }
    tx.createUpdate("INSERT INTO member_declaration (event_id, kiosk_id, at, commune_id, household_code, member_hash, "
            + "claim, answer) VALUES (:id, :kiosk, :at, :c, :household, :member, :claim, :answer) "
            + "ON CONFLICT (event_id) DO NOTHING")
        .bind("id", event.id()).bind("kiosk", kiosk.id()).bind("at", event.at().toString())
        .bind("c", kiosk.communeId()).bind("household", household).bind("member", member)
        .bind("claim", claim).bind("answer", answer)
        .execute();
  }

  private static boolean memberOf(Handle tx, String household, String memberHash) {
    return tx.createQuery("SELECT COUNT(*) FROM member m JOIN household h ON h.id = m.household_id "
            + "WHERE h.code = :code AND m.id_hash = :m")
        .bind("code", household).bind("m", memberHash).mapTo(Integer.class).one() > 0;
  }
}
