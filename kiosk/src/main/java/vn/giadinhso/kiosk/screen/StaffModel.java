package vn.giadinhso.kiosk.screen;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.attendance.Session;

/**
 * The staff screen behind the PIN: today's sessions to take attendance for (or one to open now),
 * and the kiosk's health.
 */
public final class StaffModel {

    private final KioskHealth health;
    private final Supplier<List<Session>> todaysSessions;
    private final ZoneId zone;
    private final UnscheduledSessionModel unscheduled;

    public StaffModel(KioskHealth health, Supplier<List<Session>> todaysSessions, ZoneId zone,
            UnscheduledSessionModel unscheduled) {
        this.health = health;
        this.todaysSessions = todaysSessions;
        this.zone = zone;
        this.unscheduled = unscheduled;
    }

    public KioskHealth health() {
        return health;
    }

    public List<Session> todaysSessions() {
        return todaysSessions.get();
    }

    /** "Mở buổi ngoài lịch": sessions staff open here without a schedule. */
    public UnscheduledSessionModel unscheduled() {
        return unscheduled;
    }

    public ZoneId zone() {
        return zone;
    }
}
