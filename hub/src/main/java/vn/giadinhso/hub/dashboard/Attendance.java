package vn.giadinhso.hub.dashboard;

import java.time.Instant;
import java.util.List;
import vn.giadinhso.hub.storage.Database;

/** Who came to a session, from the attendance table the check-in events fill (one row per person). */
public final class Attendance {
  /** One person at one session; {@code firstTime} when their household had never checked in before. */
  public record Row(String householdCode, String maskedName, Instant at, String kioskId, boolean firstTime) {}

  public record SessionAttendance(String sessionId, List<Row> rows) {}

  private final Database db;

  public Attendance(Database db) {
    this.db = db;
  }

  public SessionAttendance forSession(String sessionId, String communeId) {
    List<Row> rows = db.reader().withHandle(h -> h.createQuery(
            "SELECT a.household_code, h.head_name, a.at, a.kiosk_id, "
                + "NOT EXISTS (SELECT 1 FROM attendance b WHERE b.household_code = a.household_code AND b.at < a.at "
                + "AND b.session_id <> a.session_id) AS first_time "
                + "FROM attendance a LEFT JOIN household h ON h.code = a.household_code AND h.commune_id = :c "
                + "WHERE a.session_id = :s ORDER BY a.at")
        .bind("s", sessionId).bind("c", communeId)
        .map((rs, ctx) -> new Row(rs.getString(1), mask(rs.getString(2)), Instant.parse(rs.getString(3)),
            rs.getString(4), rs.getBoolean(5)))
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
