package vn.giadinhso.kiosk.member;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.scan.MatchedMember;
import vn.giadinhso.kiosk.store.LocalDatabase;

/**
 * A person's answer about themselves: sent as {@code member.declared} (exactly once, through the
 * outbox like every event) and noted for the day, so the same person is not asked again until
 * tomorrow. The note is the household code and the person key attendance already keeps (a 14-bit
 * tag and a folded masked name), never an ID number or a hash; the answer itself is not kept
 * here, and notes of earlier days are deleted (kiosk-015).
 */
public final class MemberDeclarations {

    private final LocalDatabase db;
    private final KioskEvents events;
    private final Clock clock;
    private final ZoneId zone;

    public MemberDeclarations(LocalDatabase db, KioskEvents events, Clock clock, ZoneId zone) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    /** Whether this person already answered {@code claim} today (in the kiosk's time zone). */
    public boolean answeredToday(MatchedMember member, String claim) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM member_answer WHERE household_code = ? AND person = ? AND claim = ? AND day = ?")) {
                s.setString(1, member.householdCode());
                s.setString(2, member.personKey());
                s.setString(3, claim);
                s.setString(4, today().toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /**
     * Records the answer and its event in one transaction. A second answer the same day (a double
     * touch, two kiosk windows) records nothing and returns false.
     */
    public boolean declare(MatchedMember member, String claim, MemberAnswer answer) {
        boolean recorded = db.transaction(c -> {
            String day = today().toString();
            forgetEarlierDays(c, day);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO member_answer(household_code, person, claim, day) VALUES (?, ?, ?, ?)")) {
                s.setString(1, member.householdCode());
                s.setString(2, member.personKey());
                s.setString(3, claim);
                s.setString(4, day);
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            events.memberDeclared(c, member.householdCode(), member.memberSealed(), claim, answer.wire());
            return true;
        });
        if (recorded) {
            events.committed();
        }
        return recorded;
    }

    // Only today's notes are needed; older ones would be a record of who came when.
    private static void forgetEarlierDays(Connection c, String today) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM member_answer WHERE day < ?")) {
            s.setString(1, today);
            s.executeUpdate();
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
