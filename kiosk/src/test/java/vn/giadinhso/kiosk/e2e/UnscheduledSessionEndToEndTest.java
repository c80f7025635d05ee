package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.enrol.KioskDataDir;

/**
 * Issue 13: staff open an unscheduled session at the kiosk while it is offline and check two
 * people in; when the kiosk reaches the hub (over real HTTP, on SQLite and on PostgreSQL) the hub
 * has the session at the kiosk's point, marked as opened at the kiosk and counted in its month,
 * with both check-ins — and the kiosk gets the session back by sync as one session.
 */
class UnscheduledSessionEndToEndTest {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "hub on {0}")
    @ValueSource(strings = {"sqlite", "postgresql"})
    void anUnscheduledSessionsCheckInsReachTheHub(String database) throws Exception {
        try (RealHub hub = HubDatabases.open(database, tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            KioskSettings fast = new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1));
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), fast, Clock.systemUTC())) {
                assertTrue(app.syncQuietly().isEmpty());
                assertTrue(app.unscheduled.topics().contains("Cài đặt VNeID mức 2"), "the point's topics to choose from");

                // Not started: nothing is sent, as when the kiosk is offline. Events wait in the outbox.
                var session = app.unscheduled.open("Cài đặt VNeID mức 2");
                assertEquals(CheckIn.Outcome.CHECKED_IN,
                        app.attendance.checkIn(session.id(), app.scan(hub.householdQr("AT-TH1-0002"))).outcome());
                assertEquals(CheckIn.Outcome.CHECKED_IN, app.attendance.checkIn(session.id(),
                        app.scan(RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An"))).outcome());
                assertTrue(hub.hub.schedule.session(session.id()).isEmpty(), "offline: the hub knows nothing yet");

                app.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(30)), "outbox drained");
                String kioskId = app.identity.kioskId();
                assertEquals(1, hub.events(kioskId, "session.opened_at_kiosk").size());
                List<StoredEvent> checkIns = hub.events(kioskId, "attendance.checked_in");
                assertEquals(2, checkIns.size());

                Session atHub = hub.hub.schedule.session(session.id()).orElseThrow();
                assertEquals(RealHub.POINT, atHub.supportPointId());
                assertTrue(atHub.openedAtKiosk(), "marked as opened at the kiosk");
                assertEquals(session.startsAt(), atHub.startsAt());
                assertEquals(session.endsAt(), atHub.endsAt());
                assertEquals(2, new Attendance(hub.hub.db).forSession(session.id(), RealHub.COMMUNE).rows().size(),
                        "both check-ins count at the hub");
                YearMonth month = YearMonth.from(session.startsAt().atZone(VIETNAM));
                assertTrue(hub.hub.schedules.month(RealHub.POINT, month).stream()
                        .anyMatch(s -> s.id().equals(session.id())), "in the point's month, counted toward its minimum");

                assertTrue(app.syncQuietly().isEmpty());
                long copies = app.schedule.between(session.startsAt().minus(Duration.ofHours(1)),
                        session.endsAt()).stream().filter(s -> s.id().equals(session.id())).count();
                assertEquals(1, copies, "the hub's copy replaces the kiosk's: one session");
            }
        }
    }
}
