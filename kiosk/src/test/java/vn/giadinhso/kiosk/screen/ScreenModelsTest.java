package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.protocol.CriterionStatus;

/** Each screen's model alone, over the few plain values it is given. */
class ScreenModelsTest {

    @TempDir
    Path tmp;

    @Test
    void welcomeOffersPracticeOnlyWhenThereIsALesson() {
        LessonLibrary[] library = {LessonLibrary.empty()};
        WelcomeModel welcome = new WelcomeModel(List::of, () -> library[0], FakeKiosk.ZONE);
        assertFalse(welcome.practiceAvailable());
        library[0] = FakeKiosk.shippedLessons();
        assertTrue(welcome.practiceAvailable(), "read when asked, so packs that arrive later show");
        assertEquals(List.of(Spoken.of("welcome.title"), Spoken.of("welcome.hint")), welcome.spoken());
    }

    @Test
    void practiceListsEveryLesson() {
        LessonLibrary lessons = FakeKiosk.shippedLessons();
        assertEquals(lessons.all(), new PracticeModel(() -> lessons).lessons());
    }

    @Test
    void statusDeclaresAndShowsTheLessonsForACriterion() {
        List<String> declared = new java.util.ArrayList<>();
        LessonLibrary lessons = FakeKiosk.shippedLessons();
        StatusModel status = new StatusModel(code -> Optional.of(FakeKiosk.household(code, CriterionStatus.DECLARED)),
                Optional::empty, (code, c) -> declared.add(code + "/" + c), h -> { }, () -> lessons,
                PhoneSteps.national());
        assertFalse(status.declare("vneid-level2"), "nothing to declare for without a household");
        status.show(FakeKiosk.household("HH-9", CriterionStatus.NOT_MET));
        assertTrue(status.declare("vneid-level2"));
        assertEquals(List.of("HH-9/vneid-level2"), declared);
        assertEquals(CriterionStatus.DECLARED, status.household().orElseThrow().criteria().get(0).status());
        assertEquals(lessons.forCriterion("vneid-level2"), status.lessonsFor("vneid-level2"));
        assertEquals("vneid-level2", status.criterionText("vneid-level2", java.util.Locale.ENGLISH),
                "without a criteria set the id stands in");
        status.clear();
        assertEquals(List.of(), status.spoken());
    }

    @Test
    void supportTakesTenDigitsStartingWithZeroOrNone() {
        List<String> sent = new java.util.ArrayList<>();
        SupportModel support = new SupportModel((topic, phone, code) -> sent.add(topic + ":" + phone + ":" + code));
        assertTrue(support.send("other", "HH-1"), "leaving a number is optional");
        for (int d : new int[] {9, 1, 2}) {
            support.press(d);
        }
        assertFalse(support.send("scam", null), "three digits are not a phone number");
        assertEquals(Optional.of("support.phoneCheck"), support.problem());
        assertTrue(support.spoken().contains(Spoken.of("support.phoneCheck")), "the reason is spoken too");
        support.typed("9123456789");
        assertFalse(support.send("scam", null), "ten digits, but a Vietnamese number starts with 0");
        support.typed("0912 345 678 99");
        assertEquals("0912345678", support.phone(), "the keypad stops at ten digits");
        assertEquals("0912 345 678", support.phoneShown());
        assertEquals(Optional.empty(), support.problem());
        support.delete();
        support.press(8);
        assertTrue(support.send("scam", null));
        assertEquals(List.of("other:null:HH-1", "scam:0912345678:null"), sent);
        assertEquals("", support.phone(), "the number leaves the screen once sent");
        assertEquals(List.of(Spoken.of("support.sentTitle"), Spoken.of("support.sent")), support.spokenSent());
    }

    @Test
    void staffPinSaysWhyNot() {
        StaffPin pin = new StaffPin(new StaffPinFile(tmp), 3, java.time.Duration.ofMinutes(5), new vn.giadinhso.kiosk.ui.MutableClock());
        StaffPinModel model = new StaffPinModel(pin);
        assertFalse(model.enter("1234"));
        assertEquals(Optional.of("pin.notSet"), model.message());
        pin.choose("2468");
        assertTrue(model.enter("2468"));
        assertEquals(Optional.empty(), model.message());
    }

    @Test
    void attendanceCountsPerSession() {
        int[] count = {0};
        AttendanceModel attendance = new AttendanceModel(new AttendanceModel.CheckIns() {
            @Override
            public CheckIn checkIn(String sessionId, ScanOutcome scan) {
                return new CheckIn(CheckIn.Outcome.CHECKED_IN, ++count[0], "Nguyễn Văn An", null);
            }

            @Override
            public int count(String sessionId) {
                return count[0];
            }
        });
        assertEquals(0, attendance.count());
        attendance.start(new Session("s1", java.time.Instant.EPOCH, java.time.Instant.EPOCH, null, "VNeID", null));
        attendance.checkIn(null);
        assertEquals(1, attendance.count());
        attendance.stop();
        assertTrue(attendance.lastCheckIn().isEmpty());
    }
}
