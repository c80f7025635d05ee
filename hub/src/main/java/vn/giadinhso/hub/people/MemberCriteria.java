package vn.giadinhso.hub.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaSetJson;
import vn.giadinhso.hub.criteria.Criterion;
import vn.giadinhso.hub.household.StatusAppender;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.MemberNames;

/**
 * Household criteria that are about a person ({@link Criterion#fromMembers()}: "at least one core
 * digital citizen", "at least one member with VNeID level 2"), derived from the members' progress.
 *
 * <p>The result is written into the household's status history (source {@link #SOURCE}) rather than
 * computed at each read: the history is what sync, the dashboard and every report already read
 * through {@code HouseholdEvaluator}, so a derived MET means the same on every screen, and the
 * trail names the member who qualified, masked ({@code Nguyễn V. An (**********45)}). An entry is
 * appended only when the answer changes; a MET that staff recorded themselves is never taken back
 * here (only one this class gave). Roster imports and new criteria versions call
 * {@link MemberProgressStore#rederive} for the households whose answer they may have moved.
 */
final class MemberCriteria {
  static final String SOURCE = "members";
  static final String ACTOR = "hub";

  private final CriteriaSetJson criteriaJson;

  MemberCriteria(CriteriaSetJson criteriaJson) {
    this.criteriaJson = criteriaJson;
  }

  /** Re-derives the person-based criteria of the household the member belongs to. */
  void refresh(Handle tx, String communeId, String memberHash, Instant at) {
    Optional<String> household = tx.createQuery("SELECT h.code FROM member m JOIN household h ON h.id = m.household_id "
            + "WHERE h.commune_id = :c AND m.id_hash = :m")
        .bind("c", communeId).bind("m", memberHash).mapTo(String.class).findFirst();
    Optional<CriteriaSet> set = activeSet(tx, communeId);
    if (household.isPresent() && set.isPresent()) {
      refreshHousehold(tx, communeId, household.get(), set.get(), at);
    }
  }

  /**
   * Re-derives every household of the commune where the answer may have moved without a member's
   * progress changing: after a roster import (members added, moved or removed) or a new criteria
   * version. Those are households with a member who has progress, and households whose person
   * criterion this class marked MET; the others have nothing to derive.
   *
   * @return how many households were looked at
   */
  int refreshCommune(Handle tx, String communeId, Instant at) {
    Optional<CriteriaSet> set = activeSet(tx, communeId);
    if (set.isEmpty() || set.get().criteria().stream().noneMatch(c -> c.fromMembers() != null)) {
      return 0;
    }
    List<String> households = tx.createQuery("SELECT DISTINCT h.code FROM household h JOIN member m ON m.household_id = h.id "
            + "WHERE h.commune_id = :c AND (EXISTS (SELECT 1 FROM member_vneid v WHERE v.commune_id = :c AND v.member_hash = m.id_hash) "
            + "OR EXISTS (SELECT 1 FROM member_core_citizen k WHERE k.commune_id = :c AND k.member_hash = m.id_hash)) "
            + "UNION SELECT h.code FROM household h JOIN criterion_status s ON s.household_id = h.id "
            + "WHERE h.commune_id = :c AND s.source = :source")
        .bind("c", communeId).bind("source", SOURCE).mapTo(String.class).list();
    for (String household : households) {
      refreshHousehold(tx, communeId, household, set.get(), at);
    }
    return households.size();
  }

  private void refreshHousehold(Handle tx, String communeId, String household, CriteriaSet set, Instant at) {
    for (Criterion criterion : set.criteria()) {
      if (criterion.fromMembers() != null) {
        refresh(tx, communeId, household, criterion, at);
      }
    }
  }

  private Optional<CriteriaSet> activeSet(Handle tx, String communeId) {
    return tx.createQuery("SELECT document FROM criteria_set WHERE commune_id = :c ORDER BY version DESC LIMIT 1")
        .bind("c", communeId).mapTo(String.class).findOne().map(criteriaJson::fromText);
  }

  private static void refresh(Handle tx, String communeId, String householdCode, Criterion criterion, Instant at) {
    List<String> qualifying = qualifying(tx, communeId, householdCode, criterion.fromMembers());
    Optional<Latest> latest = tx.createQuery("SELECT s.status, s.source FROM criterion_status s "
            + "JOIN household h ON h.id = s.household_id WHERE h.code = :code AND s.criterion_id = :cid "
            + "ORDER BY s.id DESC LIMIT 1")
        .bind("code", householdCode).bind("cid", criterion.id())
        .map((rs, ctx) -> new Latest(rs.getString(1), rs.getString(2))).findOne();
    boolean met = latest.map(l -> CriterionStatus.MET.name().equals(l.status())).orElse(false);
    if (!qualifying.isEmpty() && !met) {
      StatusAppender.append(tx, householdCode, new StatusRecord(criterion.id(), CriterionStatus.MET, SOURCE, ACTOR, at,
          String.join(", ", qualifying) + " — " + describe(criterion.fromMembers())));
    } else if (qualifying.isEmpty() && met && SOURCE.equals(latest.get().source())) {
      StatusAppender.append(tx, householdCode, new StatusRecord(criterion.id(), CriterionStatus.NOT_MET, SOURCE, ACTOR, at,
          "không còn thành viên nào đạt · no member qualifies any more"));
    }
  }

  private record Latest(String status, String source) {}

  /** Members who qualify, as "masked name (masked ID)", in roster order. */
  private static List<String> qualifying(Handle tx, String communeId, String householdCode, String kind) {
    String condition = switch (kind) {
      case Criterion.MEMBER_VNEID_LEVEL2 -> "EXISTS (SELECT 1 FROM member_vneid v WHERE v.commune_id = :c "
          + "AND v.member_hash = m.id_hash AND v.activated = 1 AND v.id = (SELECT MAX(x.id) FROM member_vneid x "
          + "WHERE x.commune_id = :c AND x.member_hash = m.id_hash))";
      case Criterion.MEMBER_CORE_DIGITAL_CITIZEN -> "EXISTS (SELECT 1 FROM member_core_citizen k WHERE k.commune_id = :c "
          + "AND k.member_hash = m.id_hash)";
      default -> throw new IllegalStateException("unknown fromMembers kind " + kind);
    };
    return tx.createQuery("SELECT m.full_name, m.id_masked FROM member m JOIN household h ON h.id = m.household_id "
            + "WHERE h.code = :code AND h.commune_id = :c AND m.id_hash IS NOT NULL AND " + condition + " ORDER BY m.seq")
        .bind("code", householdCode).bind("c", communeId)
        .map((rs, ctx) -> MemberNames.mask(rs.getString(1)) + " (" + rs.getString(2) + ")")
        .list();
  }

  private static String describe(String kind) {
    return Criterion.MEMBER_VNEID_LEVEL2.equals(kind) ? "VNeID mức 2 · VNeID level 2"
        : "công dân số nòng cốt · core digital citizen";
  }
}
