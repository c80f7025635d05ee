package vn.giadinhso.kiosk.attendance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.store.LocalDatabase;

/**
 * Attendance for a session, kept locally so it works offline. A person counts once per session:
 * the row and its {@code attendance.checked_in} event are written in one transaction, and a
 * second scan finds the row.
 */
public final class AttendanceBook {

    private final LocalDatabase db;
    private final KioskEvents events;
    private final Clock clock;

    public AttendanceBook(LocalDatabase db, KioskEvents events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    public CheckIn checkIn(String sessionId, ScanOutcome scan) {
        String sealed = scan.lookup().memberSealed();
        String personKey = scan.lookup().personKey();
        String household = scan.householdCode();
        String name = scan.lookup().memberName() != null ? scan.lookup().memberName()
                : scan.household().map(h -> h.displayName()).orElse(null);
        if (!scan.valid() || (personKey == null && household == null)) {
            return new CheckIn(CheckIn.Outcome.NOT_IDENTIFIED, count(sessionId), null, null);
        }
        // A person is their card's tag and folded masked name (never a hash a stolen kiosk could
        // test, docs/member-ids.md); a household card stands for the household.
        String person = personKey != null ? personKey : "h:" + household;
        CheckIn result = db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO attendance(session_id, person, household_code, at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, sessionId);
                s.setString(2, person);
                s.setString(3, household);
                s.setString(4, clock.instant().toString());
                if (s.executeUpdate() == 0) {
                    return new CheckIn(CheckIn.Outcome.ALREADY_CHECKED_IN, count(c, sessionId), name, household);
                }
            }
            events.checkedIn(c, sessionId, household, sealed);
            return new CheckIn(CheckIn.Outcome.CHECKED_IN, count(c, sessionId), name, household);
        });
        events.committed();
        return result;
    }

    public int count(String sessionId) {
        return db.transaction(c -> count(c, sessionId));
    }

    private static int count(Connection c, String sessionId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM attendance WHERE session_id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }
}
