package vn.giadinhso.hub.field;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.Json;
import vn.giadinhso.hub.auth.Authorization;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.StatusRecord;
import vn.giadinhso.hub.household.StatusAppender;
import vn.giadinhso.hub.identity.PersonName;
import vn.giadinhso.hub.ingest.CheckIns;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.protocol.MemberNames;

/**
 * Field records as the hub keeps them, with the kiosk events' guarantees: stored once by the id
 * the phone made (a repeat answers "already had"), and a batch is stored whole in one transaction
 * or refused whole. A criterion verified in the field goes into the household's status history as
 * MET, its evidence "verified in the field by &lt;account&gt;".
 */
public final class FieldRecords {
  /** What a criterion verified in the field is filed under in the status history. */
  public static final String SOURCE = "field";

  /** The answer to a stored batch: which ids are new, which the hub already had. */
  public record Saved(List<String> stored, List<String> alreadyHad) {}

  /** A record as read back (for staff pages and tests). */
  public record Stored(String id, FieldRecordKind kind, String username, String communeId, String householdCode,
      String memberMasked, String criterionId, String detailJson, Instant at, Instant receivedAt) {}

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.newMapper();

  private final Database db;
  private final Clock clock;
  private final Authorization authorization;
  private final CriteriaStore criteria;
  private final VneidVerifiedSeam vneid;

  public FieldRecords(Database db, Clock clock, Authorization authorization, CriteriaStore criteria, VneidVerifiedSeam vneid) {
    this.db = db;
    this.clock = clock;
    this.authorization = authorization;
    this.criteria = criteria;
    this.vneid = vneid;
  }

  /** The evidence line a criterion verified in the field carries in the household's history. */
  public static String evidence(String username) {
    return "verified in the field by " + username;
  }

  public Saved save(StaffUser user, List<FieldRecord> records) throws FieldBatchRejected {
    Instant now = clock.instant();
    return db.writer().inTransaction(tx -> {
      List<String> stored = new ArrayList<>();
      List<String> alreadyHad = new ArrayList<>();
      for (FieldRecord record : records) {
        Optional<String> owner = tx.createQuery("SELECT username FROM field_record WHERE id = :id")
            .bind("id", record.id()).mapTo(String.class).findOne();
        if (owner.isPresent()) {
          if (!owner.get().equals(user.username())) {
            throw FieldBatchRejected.invalid("record " + record.id() + ": this id is taken; the phone must make a new one");
          }
          alreadyHad.add(record.id());
          continue;
        }
        if (stored.contains(record.id())) {
          alreadyHad.add(record.id());
          continue;
        }
        store(tx, user, record, now);
        stored.add(record.id());
      }
      return new Saved(stored, alreadyHad);
    });
  }

  private record HouseholdRow(long id, String communeId, String villageId) {}

  private record MemberRow(String fullName, String idHash) {}

  private void store(Handle tx, StaffUser user, FieldRecord record, Instant now) throws FieldBatchRejected {
    String where = "record " + record.id() + ": ";
    HouseholdRow household = tx.createQuery("SELECT id, commune_id, village_id FROM household WHERE code = :c")
        .bind("c", record.householdCode())
        .map((rs, ctx) -> new HouseholdRow(rs.getLong(1), rs.getString(2), rs.getString(3))).findOne()
        .orElse(null);
    // An unknown code and another village's household answer alike: the phone learns nothing of
    // households outside its villages.
    if (household == null || !authorization.canWorkInVillage(user, household.communeId(), household.villageId())) {
      throw FieldBatchRejected.forbidden(where + "household " + record.householdCode()
          + " is not one of the villages you look after");
    }
    CriteriaSet set = criteria.active(household.communeId()).orElse(null);
    for (String criterion : record.criterionId() == null ? record.criteria()
        : List.of(record.criterionId())) {
      if (set == null || !set.hasCriterion(criterion)) {
        throw FieldBatchRejected.invalid(where + "criterion " + criterion + " is not in the commune's criteria set");
      }
    }
    SessionRow session = record.kind() == FieldRecordKind.ATTENDANCE ? session(tx, user, record, where) : null;
    MemberRow member = null;
    if (record.memberSeq() != null) {
      member = member(tx, household.id(), record.memberSeq(), record.memberName())
          .orElseThrow(() -> FieldBatchRejected.invalid(where + "no member " + record.memberName()
              + " in household " + record.householdCode() + " any more; download the roster again"));
    }
    if (record.kind() == FieldRecordKind.VNEID_VERIFIED && (member == null || member.idHash() == null)) {
      throw FieldBatchRejected.invalid(where + "this member has no ID number on the roster; staff add it first");
    }
    java.util.Map<String, Object> detail = new java.util.LinkedHashMap<>();
    detail.put("topics", record.topics());
    detail.put("criteria", record.criteria());
    if (record.canDoAlone() != null) {
      detail.put("canDoAlone", record.canDoAlone());
    }
    if (record.note() != null) {
      detail.put("note", record.note());
    }
    String detailJson;
    try {
      detailJson = JSON.writeValueAsString(detail);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    tx.createUpdate("INSERT INTO field_record (id, kind, username, commune_id, village_id, household_code, "
            + "member_seq, member_hash, member_masked, criterion_id, detail_json, at, received_at, session_id) "
            + "VALUES (:id, :kind, :u, :c, :v, :h, :seq, :hash, :masked, :crit, :detail, :at, :received, :session)")
        .bind("id", record.id()).bind("kind", record.kind().wire).bind("u", user.username())
        .bind("c", household.communeId()).bind("v", household.villageId()).bind("h", record.householdCode())
        .bind("seq", record.memberSeq()).bind("hash", member == null ? null : member.idHash())
        .bind("masked", member == null ? null : PersonName.masked(member.fullName()))
        .bind("crit", record.criterionId()).bind("detail", detailJson)
        .bind("at", record.at().toString()).bind("received", now.toString()).bind("session", record.sessionId())
        .execute();
    switch (record.kind()) {
      case CRITERION_VERIFIED -> StatusAppender.append(tx, record.householdCode(), new StatusRecord(record.criterionId(),
          CriterionStatus.MET, SOURCE, user.username(), record.at(), evidence(user.username())));
      case VNEID_VERIFIED -> vneid.verified(tx, household.communeId(), member.idHash(), record.at(), user.username());
      // A member the hub knows by hash counts as the kiosk counts their ID card; anyone else as
      // their household, as the kiosk counts a household QR card.
      case ATTENDANCE -> CheckIns.add(tx, record.sessionId(), session.supportPointId(), session.startsAt(),
          member != null && member.idHash() != null ? CheckIns.memberKey(member.idHash())
              : CheckIns.householdKey(record.householdCode()),
          record.householdCode(), CheckIns.FIELD_PREFIX + user.username(), record.at());
      case HOME_VISIT -> { }
    }
  }

  private record SessionRow(String supportPointId, Instant startsAt, String status, String communeId) {}

  /**
   * The session a check-in names: one of the team member's commune's, not cancelled. An unknown
   * session and another commune's answer alike (403), as households do.
   */
  private static SessionRow session(Handle tx, StaffUser user, FieldRecord record, String where) throws FieldBatchRejected {
    SessionRow session = tx.createQuery("SELECT s.support_point_id, s.starts_at, s.status, p.commune_id FROM session s "
            + "JOIN support_point p ON p.id = s.support_point_id WHERE s.id = :s")
        .bind("s", record.sessionId())
        .map((rs, ctx) -> new SessionRow(rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4)))
        .findOne().orElse(null);
    if (session == null || !session.communeId().equals(user.communeId())) {
      throw FieldBatchRejected.forbidden(where + "session " + record.sessionId() + " is not one of your commune's sessions");
    }
    if ("CANCELLED".equals(session.status())) {
      throw FieldBatchRejected.invalid(where + "session " + record.sessionId() + " was cancelled; nobody checks in to it");
    }
    return session;
  }

  /**
   * The member the team member picked: at its place in the list when the masked names agree,
   * else the one member whose masked name matches (the roster was re-imported in between).
   */
  private static Optional<MemberRow> member(Handle tx, long householdId, int seq, String maskedName) {
    List<Object[]> rows = tx.createQuery("SELECT seq, full_name, id_hash FROM member WHERE household_id = :h ORDER BY seq")
        .bind("h", householdId)
        .map((rs, ctx) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getString(3)}).list();
    String wanted = MemberNames.fold(maskedName);
    List<MemberRow> byName = new ArrayList<>();
    for (Object[] row : rows) {
      MemberRow member = new MemberRow((String) row[1], (String) row[2]);
      boolean sameName = MemberNames.fold(PersonName.masked(member.fullName())).equals(wanted);
      if (sameName && (Integer) row[0] == seq) {
        return Optional.of(member);
      }
      if (sameName) {
        byName.add(member);
      }
    }
    return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
  }

  /** A household's field records, newest first (its dashboard page shows them). */
  public List<Stored> forHousehold(String householdCode) {
    return query(" WHERE household_code = :v", householdCode);
  }

  /** A commune's field records, newest first. */
  public List<Stored> list(String communeId) {
    return query(" WHERE commune_id = :v", communeId);
  }

  private List<Stored> query(String where, String value) {
    return db.reader().withHandle(h -> h.createQuery("SELECT id, kind, username, commune_id, household_code, member_masked, "
            + "criterion_id, detail_json, at, received_at FROM field_record" + where + " ORDER BY id DESC")
        .bind("v", value)
        .map((rs, ctx) -> new Stored(rs.getString(1), FieldRecordKind.of(rs.getString(2)).orElseThrow(), rs.getString(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            Instant.parse(rs.getString(9)), Instant.parse(rs.getString(10))))
        .list());
  }
}
