package vn.giadinhso.hub.dashboard;

import java.time.Instant;
import java.util.List;
import vn.giadinhso.hub.storage.Database;

/** Who came to a session, from the attendance table the check-in events fill (one row per person). */
public final class Attendance {
  /**
   * One person at one session; {@code firstTime} when their household had never checked in before.
   * {@code householdCode} is null for someone not on the commune's roster (a card whose member
   * hash matches no member: the kiosk still records them).
   */
  public record Row(String householdCode, String maskedName, Instant at, String kioskId, boolean firstTime) {
    public boolean onRoster() {
      return householdCode != null;
    }
  }

  public record SessionAttendance(String sessionId, List<Row> rows) {}

  private final Database db;

  public Attendance(Database db) {
    this.db = db;
  }

  public SessionAttendance forSession(String sessionId, String communeId) {
    // A check-in by card carries only the member hash: the household is found through the member
    // (of this commune only); when there is none, the person is not on the roster.
    List<Row> rows = db.reader().withHandle(h -> h.createQuery(
            "SELECT COALESCE(hh.code, mh.code), COALESCE(m.full_name, hh.head_name), a.at, a.kiosk_id, "
                + "a.household_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM attendance b "
                + "WHERE b.household_code = a.household_code AND b.at < a.at AND b.session_id <> a.session_id) "
                + "AS first_time "
                + "FROM attendance a LEFT JOIN household hh ON hh.code = a.household_code AND hh.commune_id = :c "
                + "LEFT JOIN (member m JOIN household mh ON mh.id = m.household_id AND mh.commune_id = :c) "
                + "ON a.household_code IS NULL AND substr(a.person_key, 1, 2) = 'm:' AND m.id_hash = substr(a.person_key, 3) "
                + "WHERE a.session_id = :s ORDER BY a.at")
        .bind("s", sessionId).bind("c", communeId)
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getString(1) == null ? null : mask(rs.getString(2)),
            Instant.parse(rs.getString(3)), rs.getString(4), rs.getBoolean(5)))
        .list());
    return new SessionAttendance(sessionId, rows);
  }

  /** "Nguyễn Văn An" → "Nguyễn V. A.": enough for staff to recognise, not a full name on screen. */
  public static String mask(String fullName) {
    if (fullName == null || fullName.isBlank()) {
      return "—";
    }
    String[] words = fullName.strip().split("\\s+");
    StringBuilder out = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      out.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
    }
    return out.toString();
  }
}
