package vn.giadinhso.hub.people;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.criteria.CriteriaSetJson;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.MemberNames;

/**
 * Each household member's own progress (issue 15): VNeID level 2 with its trail, and whether they
 * are the household's core digital citizen. Keyed by the member's ID hash within the commune, so
 * progress outlives a roster re-import (member rows are replaced, hashes are not). Every change
 * re-derives the household's criteria that are about a person ({@link MemberCriteria}) in the same
 * transaction.
 *
 * <p>Other branches call {@link #recordVneidLevel2} inside their own transaction (kiosk
 * declarations verified by staff, field verification).
 */
public final class MemberProgressStore {
  private final Database db;
  private final MemberCriteria criteria;
  private final Clock clock;

  public MemberProgressStore(Database db, CriteriaSetJson criteriaJson, Clock clock) {
    this.db = db;
    this.criteria = new MemberCriteria(criteriaJson);
    this.clock = clock;
  }

  /**
   * Records that the member has activated VNeID level 2 (shared contract of issue 15).
   *
   * @param source {@code "staff"}, {@code "kiosk-declared-verified"} or {@code "field-verified"}
   * @throws IllegalArgumentException when no member of the commune has this hash, or the source is unknown
   */
  public void recordVneidLevel2(Handle tx, String communeId, String memberHash, String source, Instant at, String by) {
    recordVneid(tx, communeId, memberHash, new VneidRecord(true, source, at, by));
  }

  /** Records an answer either way (staff correct a mistaken "activated" with {@code activated = false}). */
  public void recordVneid(Handle tx, String communeId, String memberHash, VneidRecord record) {
    requireMember(tx, communeId, memberHash);
    tx.createUpdate("INSERT INTO member_vneid (commune_id, member_hash, activated, source, at, actor) "
            + "VALUES (:c, :m, :a, :s, :at, :by)")
        .bind("c", communeId).bind("m", memberHash).bind("a", record.activated() ? 1 : 0)
        .bind("s", record.source()).bind("at", record.at().toString()).bind("by", record.actor())
        .execute();
    criteria.refresh(tx, communeId, memberHash, record.at());
  }

  /** Staff record VNeID level 2 as they saw it, in a transaction of its own. */
  public void recordVneidByStaff(String communeId, String memberHash, boolean activated, String staff) {
    db.writer().useTransaction(tx -> recordVneid(tx, communeId, memberHash,
        new VneidRecord(activated, VneidRecord.STAFF, clock.instant(), staff)));
  }

  /** Marks or unmarks the member as the household's core digital citizen (công dân số nòng cốt). */
  public void setCoreDigitalCitizen(String communeId, String memberHash, boolean core, String staff) {
    db.writer().useTransaction(tx -> {
      requireMember(tx, communeId, memberHash);
      Instant now = clock.instant();
      if (core) {
        tx.createUpdate("INSERT INTO member_core_citizen (commune_id, member_hash, since, actor) VALUES (:c, :m, :at, :by) "
                + "ON CONFLICT (commune_id, member_hash) DO NOTHING")
            .bind("c", communeId).bind("m", memberHash).bind("at", now.toString()).bind("by", staff).execute();
      } else {
        tx.createUpdate("DELETE FROM member_core_citizen WHERE commune_id = :c AND member_hash = :m")
            .bind("c", communeId).bind("m", memberHash).execute();
      }
      criteria.refresh(tx, communeId, memberHash, now);
    });
  }

  /**
   * Re-derives the commune's person criteria where a roster import or a new criteria version may
   * have changed them (a qualifying member added, moved or removed; a set that now has them).
   *
   * @return how many households were looked at
   */
  public int rederive(String communeId) {
    return db.writer().inTransaction(tx -> criteria.refreshCommune(tx, communeId, clock.instant()));
  }

  /** The household's members in roster order with their progress; members without a card have none. */
  public List<MemberProgress> household(String communeId, String householdCode) {
    return db.reader().inTransaction(tx -> {
      Map<String, VneidRecord> vneid = latestVneid(tx, communeId, householdCode);
      Set<String> core = new HashSet<>(tx.createQuery("SELECT k.member_hash FROM member_core_citizen k "
              + "JOIN member m ON m.id_hash = k.member_hash JOIN household h ON h.id = m.household_id "
              + "WHERE h.code = :code AND h.commune_id = :c AND k.commune_id = :c")
          .bind("code", householdCode).bind("c", communeId).mapTo(String.class).list());
      Map<String, Integer> sessions = new HashMap<>();
      // By person key, not by the row's household: a check-in by ID card may name no household.
      tx.createQuery("SELECT m.id_hash, COUNT(DISTINCT a.session_id) FROM member m JOIN household h ON h.id = m.household_id "
              + "JOIN attendance a ON a.person_key = 'm:' || m.id_hash "
              + "WHERE h.code = :code AND h.commune_id = :c AND m.id_hash IS NOT NULL GROUP BY m.id_hash")
          .bind("code", householdCode).bind("c", communeId)
          .map((rs, ctx) -> sessions.put(rs.getString(1), rs.getInt(2)))
          .list();
      return tx.createQuery("SELECT m.seq, m.full_name, m.id_masked, m.birth_year, m.id_hash FROM member m "
              + "JOIN household h ON h.id = m.household_id WHERE h.code = :code AND h.commune_id = :c ORDER BY m.seq")
          .bind("code", householdCode).bind("c", communeId)
          .map((rs, ctx) -> {
            String hash = rs.getString(5);
            Integer year = rs.getObject(4) == null ? null : rs.getInt(4);
            return new MemberProgress(rs.getInt(1), MemberNames.mask(rs.getString(2)), rs.getString(3), year, hash,
                hash == null ? null : vneid.get(hash), hash != null && core.contains(hash),
                hash == null ? 0 : sessions.getOrDefault(hash, 0));
          })
          .list();
    });
  }

  /**
   * Criteria the household practised at a kiosk (PRACTISED entries in its history). Kiosk lessons
   * name the household, not the person ({@code lesson.completed} carries no member), so practice
   * is counted per household only: the page says so rather than guess who practised.
   */
  public int householdPracticeTasks(String householdCode) {
    return db.reader().withHandle(h -> h.createQuery("SELECT COUNT(DISTINCT s.criterion_id) FROM criterion_status s "
            + "JOIN household h ON h.id = s.household_id WHERE h.code = :code AND s.status = 'PRACTISED'")
        .bind("code", householdCode).mapTo(Integer.class).one());
  }

  /** The member's VNeID trail, oldest first. */
  public List<VneidRecord> vneidTrail(String communeId, String memberHash) {
    return db.reader().withHandle(h -> h.createQuery("SELECT activated, source, at, actor FROM member_vneid "
            + "WHERE commune_id = :c AND member_hash = :m ORDER BY id")
        .bind("c", communeId).bind("m", memberHash)
        .map((rs, ctx) -> new VneidRecord(rs.getInt(1) == 1, rs.getString(2), Instant.parse(rs.getString(3)), rs.getString(4)))
        .list());
  }

  /** The hash of a household's member by position, for forms that name a member by {@code seq} (no hash in a page). */
  public java.util.Optional<String> memberHash(String communeId, String householdCode, int seq) {
    return db.reader().withHandle(h -> h.createQuery("SELECT m.id_hash FROM member m JOIN household h ON h.id = m.household_id "
            + "WHERE h.code = :code AND h.commune_id = :c AND m.seq = :seq AND m.id_hash IS NOT NULL")
        .bind("code", householdCode).bind("c", communeId).bind("seq", seq).mapTo(String.class).findOne());
  }

  private static Map<String, VneidRecord> latestVneid(Handle tx, String communeId, String householdCode) {
    Map<String, VneidRecord> out = new HashMap<>();
    tx.createQuery("SELECT v.member_hash, v.activated, v.source, v.at, v.actor FROM member_vneid v "
            + "WHERE v.commune_id = :c AND v.id IN (SELECT MAX(x.id) FROM member_vneid x JOIN member m ON m.id_hash = x.member_hash "
            + "JOIN household h ON h.id = m.household_id WHERE h.code = :code AND h.commune_id = :c AND x.commune_id = :c "
            + "GROUP BY x.member_hash)")
        .bind("c", communeId).bind("code", householdCode)
        .map((rs, ctx) -> out.put(rs.getString(1), new VneidRecord(rs.getInt(2) == 1, rs.getString(3),
            Instant.parse(rs.getString(4)), rs.getString(5))))
        .list();
    return out;
  }

  private static void requireMember(Handle tx, String communeId, String memberHash) {
    int found = tx.createQuery("SELECT COUNT(*) FROM member m JOIN household h ON h.id = m.household_id "
            + "WHERE h.commune_id = :c AND m.id_hash = :m")
        .bind("c", communeId).bind("m", memberHash).mapTo(Integer.class).one();
    if (found == 0) {
      throw new IllegalArgumentException("no member of commune " + communeId + " has this ID hash");
    }
  }
}
