package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.Optional;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.scan.ScanOutcome;

/** Attendance mode: every card read checks its holder in to the session staff opened. */
public final class AttendanceModel {

    /** The attendance book, as this screen uses it. */
    public interface CheckIns {
        CheckIn checkIn(String sessionId, ScanOutcome scan);

        int count(String sessionId);
    }

    private final CheckIns book;
    private Session session;
    private CheckIn last;

    public AttendanceModel(CheckIns book) {
        this.book = book;
    }

    public Optional<Session> session() {
        return Optional.ofNullable(session);
    }

    /** The last person checked in (personal data: cleared when idle). */
    public Optional<CheckIn> lastCheckIn() {
        return Optional.ofNullable(last);
    }

    public int count() {
        return session == null ? 0 : book.count(session.id());
    }

    void start(Session s) {
        session = s;
        last = null;
    }

    boolean open() {
        return session != null;
    }

    void checkIn(ScanOutcome scan) {
        last = book.checkIn(session.id(), scan);
    }

    void clearLast() {
        last = null;
    }

    void stop() {
        session = null;
        last = null;
    }

    public List<Spoken> spoken() {
        return List.of(Spoken.of("attendance.scan"));
    }
}
