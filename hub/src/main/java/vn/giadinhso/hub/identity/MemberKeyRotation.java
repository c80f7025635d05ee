package vn.giadinhso.hub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;
import vn.giadinhso.protocol.MemberIdHash;

/**
 * Moves a commune's member hashes to a new key version (docs/member-ids.md, "Key versions and
 * rotation"): h(v+1) = HMAC(k(v+1), h(v)) for every stored hash, so no ID number is needed. The
 * new key is saved to the secrets file first; then one transaction re-keys the roster, the events
 * of the commune's kiosks, their attendance rows, sets the version and re-issues the commune's
 * households to sync, so its kiosks get the new key chain and tags without re-enrolment.
 */
public final class MemberKeyRotation {
  private final Database db;
  private final HubSecrets secrets;
  private final ObjectMapper json = new ObjectMapper();

  /** What one rotation changed. */
  public record Result(int fromVersion, int toVersion, int members, int events, int attendanceRows) {}

  public MemberKeyRotation(Database db, HubSecrets secrets) {
    this.db = db;
    this.secrets = secrets;
  }

  /** @throws IllegalArgumentException for a commune the hub does not know */
  public Result rotate(String communeId) {
    boolean known = db.reader().withHandle(h -> h.createQuery("SELECT count(*) FROM commune WHERE id = :c")
        .bind("c", communeId).mapTo(Integer.class).one() > 0);
    if (!known) {
      throw new IllegalArgumentException("no commune " + communeId);
    }
    int from = db.reader().withHandle(h -> MemberKeys.currentVersion(h, communeId));
    int to = from + 1;
    secrets.ensureMemberKey(communeId, to);
    byte[] key = secrets.memberKeys(communeId, to).key(to);
    return db.writer().inTransaction(h -> {
      if (MemberKeys.currentVersion(h, communeId) != from) {
        throw new IllegalStateException("another rotation of " + communeId + " ran at the same time; run it again");
      }
      int members = rekeyMembers(h, communeId, key);
      int events = rekeyEvents(h, communeId, key);
      int attendance = rekeyAttendance(h, communeId, key);
      // Members' own progress and declarations (issue 15) are keyed by the hash too.
      for (String table : List.of("member_vneid", "member_core_citizen", "member_declaration")) {
        rekeyCommuneTable(h, table, communeId, key);
      }
      h.createUpdate("INSERT INTO member_key_version (commune_id, version) VALUES (:c, :v) "
              + "ON CONFLICT (commune_id) DO UPDATE SET version = excluded.version")
          .bind("c", communeId).bind("v", to).execute();
      Revisions.bumpAll(h, "household", "commune_id", communeId);
      return new Result(from, to, members, events, attendance);
    });
  }

  private static String next(byte[] key, String hexHash) {
    return MemberIdHash.hex(MemberIdHash.next(key, MemberIdHash.fromHex(hexHash)));
  }

  private static int rekeyMembers(Handle h, String communeId, byte[] key) {
    List<Map<String, Object>> rows = h.createQuery("SELECT m.household_id, m.seq, m.id_hash FROM member m "
            + "JOIN household hh ON hh.id = m.household_id WHERE hh.commune_id = :c AND m.id_hash IS NOT NULL")
        .bind("c", communeId).mapToMap().list();
    var update = h.prepareBatch("UPDATE member SET id_hash = :hash WHERE household_id = :household AND seq = :seq");
    for (Map<String, Object> r : rows) {
      update.bind("hash", next(key, (String) r.get("id_hash"))).bind("household", r.get("household_id"))
          .bind("seq", r.get("seq")).add();
    }
    if (!rows.isEmpty()) {
      update.execute();
    }
    return rows.size();
  }

  // Only events of this commune's kiosks name its members; LIKE keeps the scan portable and cheap.
  private int rekeyEvents(Handle h, String communeId, byte[] key) {
    List<Map<String, Object>> rows = h.createQuery("SELECT e.id, e.payload FROM event e "
            + "JOIN kiosk k ON k.id = e.kiosk_id JOIN support_point p ON p.id = k.support_point_id "
            + "WHERE p.commune_id = :c AND e.payload LIKE '%\"memberHash\"%'")
        .bind("c", communeId).mapToMap().list();
    int changed = 0;
    var update = h.prepareBatch("UPDATE event SET payload = :payload WHERE id = :id");
    for (Map<String, Object> r : rows) {
      ObjectNode payload = parse((String) r.get("payload"));
      if (payload == null || !payload.path("memberHash").isTextual()) {
        continue;
      }
      String old = payload.get("memberHash").asText();
      if (old.length() != 2 * MemberIdHash.HASH_BYTES || !old.matches("[0-9a-fA-F]+")) {
        continue; // not a hash this hub made (an old test payload): nothing to bring forward
      }
      payload.put("memberHash", next(key, old.toLowerCase(java.util.Locale.ROOT)));
      update.bind("payload", payload.toString()).bind("id", r.get("id")).add();
      changed++;
    }
    if (changed > 0) {
      update.execute();
    }
    return changed;
  }

  private static void rekeyCommuneTable(Handle h, String table, String communeId, byte[] key) {
    List<String> hashes = h.createQuery("SELECT DISTINCT member_hash FROM " + table + " WHERE commune_id = :c")
        .bind("c", communeId).mapTo(String.class).list();
    var update = h.prepareBatch("UPDATE " + table + " SET member_hash = :new WHERE commune_id = :c AND member_hash = :old");
    for (String old : hashes) {
      update.bind("new", next(key, old)).bind("c", communeId).bind("old", old).add();
    }
    if (!hashes.isEmpty()) {
      update.execute();
    }
  }

  private static int rekeyAttendance(Handle h, String communeId, byte[] key) {
    List<Map<String, Object>> rows = h.createQuery("SELECT a.session_id, a.person_key FROM attendance a "
            + "WHERE a.person_key LIKE 'm:%' AND (a.kiosk_id IN (SELECT k.id FROM kiosk k "
            + "JOIN support_point p ON p.id = k.support_point_id WHERE p.commune_id = :c) "
            // Check-ins taken on a team member's phone (issue 15) name no kiosk: found by their session.
            + "OR a.session_id IN (SELECT s.id FROM session s JOIN support_point p ON p.id = s.support_point_id "
            + "WHERE p.commune_id = :c))")
        .bind("c", communeId).mapToMap().list();
    int changed = 0;
    var update = h.prepareBatch(
        "UPDATE attendance SET person_key = :new WHERE session_id = :session AND person_key = :old");
    for (Map<String, Object> r : rows) {
      String person = (String) r.get("person_key");
      String old = person.substring(2);
      if (old.length() != 2 * MemberIdHash.HASH_BYTES || !old.matches("[0-9a-f]+")) {
        continue;
      }
      update.bind("new", "m:" + next(key, old)).bind("session", r.get("session_id")).bind("old", person).add();
      changed++;
    }
    if (changed > 0) {
      update.execute();
    }
    return changed;
  }

  private ObjectNode parse(String payload) {
    try {
      return json.readTree(payload) instanceof ObjectNode node ? node : null;
    } catch (IOException e) {
      return null;
    }
  }
}
