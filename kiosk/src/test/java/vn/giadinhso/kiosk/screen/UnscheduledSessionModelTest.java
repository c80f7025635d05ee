package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.ui.MutableClock;

/**
 * Issue 13, the staff flow without a window: PIN → staff menu → "Mở buổi ngoài lịch" → a topic →
 * attendance by card for the new session → "Kết thúc buổi này" → back to the menu; the hub gets
 * the session, its check-in and its early end. A planned session cannot be ended at the kiosk.
 */
class UnscheduledSessionModelTest {
    private static final String PIN = "246810";
    private static final String TOPIC = "Cài đặt VNeID mức 2";

    final MutableClock clock = new MutableClock();
    Path tmp;
    RealHub hub;
    KioskApp app;
    KioskScreenModel model;

    @BeforeEach
    void kioskAtAHub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-unscheduled");
        hub = new RealHub(tmp.resolve("hub"));
        Path data = hub.enrolledDataDir(tmp);
        app = KioskApp.open(new KioskDataDir(data),
                new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)), clock);
        assertTrue(app.syncQuietly().isEmpty());
        StaffPin pin = new StaffPin(new StaffPinFile(data), 3, Duration.ofMinutes(5), clock);
        pin.choose(PIN);
        model = app.screens(pin, PhoneSteps.national(), Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @AfterEach
    void close() {
        app.close();
        hub.close();
    }

    @Test
    void staffOpenASessionTakeAttendanceAndEndIt() throws Exception {
        model.openStaff();
        model.enterPin(PIN);
        assertEquals(Screen.STAFF, model.screen());
        model.chooseSessionTopic();
        assertEquals(Screen.OPEN_SESSION, model.screen());
        assertTrue(model.staff().unscheduled().topics().contains(TOPIC), "the point's topics: " + model.staff().unscheduled().topics());

        model.openSession(TOPIC);
        assertEquals(Screen.ATTENDANCE, model.screen());
        Session session = model.attendance().session().orElseThrow();
        assertEquals(TOPIC, session.topic());
        assertTrue(model.staff().todaysSessions().contains(session), "listed with today's sessions");
        assertTrue(model.attendanceSessionClosable());

        model.scanned(hub.householdQr("AT-TH1-0001"));
        assertEquals(CheckIn.Outcome.CHECKED_IN, model.attendance().lastCheckIn().orElseThrow().outcome());
        model.scanned(hub.householdQr("AT-TH1-0001"));
        assertEquals(CheckIn.Outcome.ALREADY_CHECKED_IN, model.attendance().lastCheckIn().orElseThrow().outcome());
        assertEquals(1, model.attendance().count());

        clock.advance(Duration.ofMinutes(50));
        var closedAt = clock.instant();
        model.closeAttendanceSession();
        assertEquals(Screen.STAFF, model.screen());
        assertFalse(app.schedule.upcoming(clock.instant(), 10).stream().anyMatch(s -> s.id().equals(session.id())),
                "ended: no longer upcoming");

        app.start();
        assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(30)), "outbox drained");
        var atHub = hub.hub.schedule.session(session.id()).orElseThrow();
        assertTrue(atHub.openedAtKiosk());
        assertEquals(closedAt, atHub.endsAt(), "ended when staff closed it");
        assertEquals(1, new Attendance(hub.hub.db).forSession(session.id(), RealHub.COMMUNE).rows().size());
    }

    @Test
    void aPlannedSessionIsNotEndedAtTheKiosk() {
        model.openStaff();
        model.enterPin(PIN);
        Session planned = model.staff().todaysSessions().stream().filter(s -> s.id().equals("s-today")).findFirst().orElseThrow();
        model.startAttendance(planned);
        assertFalse(model.attendanceSessionClosable());
        model.backToStaffMenu();
        assertEquals(Screen.STAFF, model.screen());
    }
}
