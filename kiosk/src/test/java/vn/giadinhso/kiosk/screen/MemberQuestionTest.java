package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.member.MemberAnswer;

/**
 * The question to the person whose own ID card was scanned (issue 15), driven without a screen:
 * asked only after a matched citizen ID card, answered once a day, spoken, and gone when the kiosk
 * goes idle.
 */
class MemberQuestionTest {

    static final String OWN_CARD = FakeKiosk.ID_CARD + "HH-1";

    @TempDir
    Path tmp;

    @Test
    void aMatchedIdCardAsksThePersonFirstAndAHouseholdCardNeverDoes() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned("HH-1"); // the household QR card names no person
        assertEquals(Screen.STATUS, k.model.screen());
        assertFalse(k.model.memberQuestion().active());

        k.model.scanned(FakeKiosk.ID_CARD + "someone-else"); // a good card, not on the roster
        assertEquals(Screen.NOT_FOUND, k.model.screen());
        assertFalse(k.model.memberQuestion().active());

        k.model.scanned(OWN_CARD);
        assertEquals(Screen.MEMBER_QUESTION, k.model.screen());
        assertEquals("HH-1", k.model.household().orElseThrow().code(), "the household is found behind the question");
        assertEquals(List.of(Spoken.of("member.vneid.question"), Spoken.of("member.vneid.spoken")), k.model.spoken());
        assertTrue(k.memberDeclared.isEmpty(), "nothing is recorded before an answer");
    }

    @Test
    void aYesIsDeclaredForStaffToVerifyOnceEvenIfTouchedTwice() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned(OWN_CARD);
        k.model.answerMemberQuestion(MemberAnswer.YES);
        k.model.answerMemberQuestion(MemberAnswer.NO); // a second touch on the same screen
        assertEquals(List.of("HH-1/vneid.level2/yes"), k.memberDeclared);
        assertEquals(Screen.MEMBER_QUESTION, k.model.screen());
        assertEquals(List.of(Spoken.of("member.vneid.thanks"), Spoken.of("member.vneid.yes")), k.model.spoken());
        assertEquals(List.of(), k.model.memberQuestion().lessons(), "nothing to practise after a yes");

        k.model.showHousehold();
        assertEquals(Screen.STATUS, k.model.screen());
        assertFalse(k.model.memberQuestion().active());
    }

    @Test
    void aNoOrNotSureOffersTheVneidPracticeLessonAndASupportRequest() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.library.set(FakeKiosk.shippedLessons());
        k.model.scanned(OWN_CARD);
        k.model.answerMemberQuestion(MemberAnswer.UNSURE);
        assertEquals(List.of("HH-1/vneid.level2/unsure"), k.memberDeclared);
        assertEquals(List.of(Spoken.of("member.vneid.thanks"), Spoken.of("member.vneid.offer")), k.model.spoken());
        List<String> lessons = k.model.memberQuestion().lessons().stream().map(p -> p.lesson().id()).toList();
        assertTrue(lessons.contains("vneid-activate"), lessons.toString());
        for (LessonPack p : k.model.memberQuestion().lessons()) {
            assertTrue(p.lesson().criteria().contains("vneid-level2"), p.lesson().id());
        }

        // The support request names the household, as from the status screen; back returns to the offer.
        k.model.openSupport();
        k.model.requestSupport("vneid", "");
        assertEquals(List.of(java.util.Arrays.asList("vneid", null, "HH-1")), k.supportRequests);
        k.model.back();
        assertEquals(Screen.MEMBER_QUESTION, k.model.screen());
    }

    @Test
    void answeredOnceTheSamePersonIsNotAskedAgainThatDayButIsTheNext() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned(OWN_CARD);
        k.model.answerMemberQuestion(MemberAnswer.NO);
        k.model.scanned(OWN_CARD);
        assertEquals(Screen.STATUS, k.model.screen(), "the same day: straight to the household");

        // Skipping is not an answer: a skipped question is asked again at the next scan.
        k.clock.advance(Duration.ofDays(1));
        k.model.scanned(OWN_CARD);
        assertEquals(Screen.MEMBER_QUESTION, k.model.screen(), "a new day: asked again");
        k.model.showHousehold();
        k.model.scanned(OWN_CARD);
        assertEquals(Screen.MEMBER_QUESTION, k.model.screen());
        assertEquals(List.of("HH-1/vneid.level2/no"), k.memberDeclared);
    }

    @Test
    void goingIdleClearsWhoWasAskedAndTheAnswer() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned(OWN_CARD);
        k.model.answerMemberQuestion(MemberAnswer.NO);
        assertTrue(k.model.holdsPersonalData());

        k.idle(FakeKiosk.IDLE);
        assertEquals(List.of(Spoken.of("idle.question"), Spoken.of("idle.stay.spoken")), k.model.spoken());
        k.idle(Duration.ofSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, k.model.screen());
        assertFalse(k.model.memberQuestion().active());
        assertTrue(k.model.memberQuestion().answer().isEmpty());
        assertTrue(k.model.household().isEmpty());
        assertFalse(k.model.holdsPersonalData());
        // An answer touched after the reset (a stale screen) records nothing.
        k.model.answerMemberQuestion(MemberAnswer.YES);
        assertEquals(List.of("HH-1/vneid.level2/no"), k.memberDeclared);
    }

    @Test
    void theStaffScreenAndAnotherCardTakeTheQuestionAway() {
        FakeKiosk k = new FakeKiosk(tmp);
        k.model.scanned(OWN_CARD);
        k.model.openStaff();
        assertFalse(k.model.memberQuestion().active(), "staff must not see who was being asked");
        k.model.leaveStaff();
        k.model.scanned(OWN_CARD);
        k.model.scanned("someone-else");
        assertFalse(k.model.memberQuestion().active());
        assertTrue(k.memberDeclared.isEmpty());
    }
}
