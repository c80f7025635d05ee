package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The navigator over in-memory screens: which screen shows, idle clearing, spoken texts, staff PIN. */
class KioskScreenModelTest {

    @TempDir
    Path tmp;

    @Test
    void aFoundCardShowsItsHouseholdAndIdleClearsItAfterTheCountdown() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("HH-1");
        assertEquals(Screen.STATUS, k.model.screen());
        assertEquals("HH-1", k.model.household().orElseThrow().code());
        assertEquals(List.of("HH-1"), k.viewed);
        assertEquals(List.of(Spoken.of("status.spoken", 0, 1)), k.model.spoken());

        k.idle(FakeKiosk.IDLE);
        assertEquals(Optional.of(KioskScreenModel.COUNTDOWN_SECONDS), k.model.countdown());
        assertEquals(List.of(Spoken.of("idle.question"), Spoken.of("idle.stay.spoken")), k.model.spoken());
        k.idle(Duration.ofSeconds(KioskScreenModel.COUNTDOWN_SECONDS));

        assertEquals(Screen.WELCOME, k.model.screen());
        assertTrue(k.model.household().isEmpty(), "the household left the screen");
        assertFalse(k.model.holdsPersonalData());
        assertTrue(k.walkUpForgotten);
    }

    @Test
    void stayingRestartsTheIdleTime() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("HH-1");
        k.idle(FakeKiosk.IDLE.plusSeconds(5));
        k.model.stay();
        assertEquals(Optional.empty(), k.model.countdown());
        k.idle(FakeKiosk.IDLE.minusSeconds(1));
        assertEquals(Screen.STATUS, k.model.screen());
    }

    @Test
    void unknownAndUnreadableCardsSayWhatToDo() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("someone-else");
        assertEquals(Screen.NOT_FOUND, k.model.screen());
        assertEquals(List.of(Spoken.of("notFound.title"), Spoken.of("notFound.text")), k.model.spoken());
        k.model.scanned("garbage");
        assertEquals(Screen.UNREADABLE, k.model.screen());
    }

    @Test
    void declaringReadsTheHouseholdAgain() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("HH-1");
        k.model.declare("vneid-level2");
        assertEquals(List.of("HH-1/vneid-level2"), k.declared);
        assertEquals("DECLARED", k.model.household().orElseThrow().criteria().get(0).status().name());
    }

    @Test
    void supportReturnsToTheScreenBefore() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("HH-1");
        k.model.openSupport();
        assertEquals(Screen.SUPPORT, k.model.screen());
        k.model.requestSupport("vneid", "");
        assertEquals(Screen.SUPPORT_SENT, k.model.screen());
        assertEquals(List.of(java.util.Arrays.asList("vneid", null, "HH-1")), k.supportRequests);
        k.model.back();
        assertEquals(Screen.STATUS, k.model.screen());
    }

    @Test
    void theKeypadNumberIsPersonalDataAndLeavesWhenIdle() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.openSupport();
        k.model.pressDigit(0);
        k.model.pressDigit(9);
        assertEquals("09", k.model.support().phone());
        k.idle(FakeKiosk.IDLE.plusSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, k.model.screen());
        assertEquals("", k.model.support().phone());
    }

    @Test
    void staffNeedTheirPinAndTheStaffScreenHoldsNoHousehold() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.pin.choose("2468");
        k.model.scanned("HH-1");
        k.model.openStaff();
        assertTrue(k.model.household().isEmpty(), "opening staff mode clears the resident's data");
        k.model.enterPin("1111");
        assertEquals(Screen.STAFF_PIN, k.model.screen());
        assertEquals(Optional.of("pin.wrong"), k.model.staffPin().message());
        k.model.enterPin("2468");
        assertEquals(Screen.STAFF, k.model.screen());
        assertEquals(Optional.empty(), k.model.staffPin().message());
    }

    @Test
    void inAttendanceModeACardChecksItsHolderIn() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.startAttendance(k.model.staff().todaysSessions().get(0));
        k.model.scanned("HH-1");
        assertEquals(Screen.ATTENDANCE, k.model.screen());
        assertEquals(1, k.model.attendance().count());
        assertEquals("HH-1", k.model.attendance().lastCheckIn().orElseThrow().householdCode());
        assertTrue(k.model.household().isEmpty(), "attendance does not show the household");

        k.idle(FakeKiosk.IDLE.plusSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, k.model.screen());
        assertTrue(k.model.attendance().lastCheckIn().isEmpty(), "the last name checked in left the screen");
        assertTrue(k.model.attendance().session().isEmpty());
    }

    @Test
    void staffOpenASessionHereTakeAttendanceAndEndItButNotAPlannedOne() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.pin.choose("2468");
        k.model.openStaff();
        k.model.enterPin("2468");
        k.model.chooseSessionTopic();
        assertEquals(Screen.OPEN_SESSION, k.model.screen());
        assertEquals(List.of(Spoken.of("openSession.title")), k.model.spoken());

        k.model.openSession("VNeID");
        assertEquals(Screen.ATTENDANCE, k.model.screen());
        String opened = k.model.attendance().session().orElseThrow().id();
        assertEquals(List.of(opened), k.opened);
        k.model.scanned("HH-1");
        assertEquals(1, k.model.attendance().count());
        assertTrue(k.model.attendanceSessionClosable());
        k.model.closeAttendanceSession();
        assertEquals(List.of(opened), k.closed);
        assertEquals(Screen.STAFF, k.model.screen(), "back to the menu, no PIN again");
        assertTrue(k.model.attendance().session().isEmpty());

        k.model.startAttendance(k.model.staff().todaysSessions().get(0));
        assertFalse(k.model.attendanceSessionClosable(), "a planned session is changed on the dashboard");
        assertThrows(IllegalArgumentException.class, () -> k.model.openSession("not offered"));
    }

    @Test
    void dataChangesRedrawWithoutAScan() {
        FakeKiosk k = new FakeKiosk(tmp);
        int[] redraws = {0};
        k.model.onChange(() -> redraws[0]++);
        k.model.dataChanged();
        assertEquals(1, redraws[0]);
        assertEquals(Screen.WELCOME, k.model.screen());
    }
}
