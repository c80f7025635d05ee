package vn.giadinhso.kiosk.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.store.LocalDatabase;

/** The lesson engine as a resident meets it, with no screen: the hotline-1022 pack as shipped. */
class LessonSessionTest {

    @TempDir
    Path tmp;

    LessonPack pack;
    RecordingEvidence evidence = new RecordingEvidence();
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T02:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void load() throws Exception {
        pack = ShippedPacks.read("hotline-1022");
    }

    LocalDatabase db() throws Exception {
        return LocalDatabase.open(tmp.resolve("kiosk.db"));
    }

    /** intro (info) → what-for (choose) → open-phone (tap) → dial (type digits) → call (tap) → end (info). */
    @Test
    void theRightPathCompletesWithFullScoreAndReportsTheCriterion() throws Exception {
        try (LocalDatabase db = db()) {
            LessonSession s = LessonSession.open(pack, "AT-TH1-0001", new SqliteProgressStore(db, clock), evidence, clock);
            assertEquals("started hotline-1022 v2 AT-TH1-0001", evidence.last());
            assertEquals(StepKind.INFO, s.step().kind());
            assertFalse(s.canGoBack());
            s.next();
            s.choose("road");
            assertEquals(Feedback.RIGHT_CHOICE, s.feedback(), "a right answer is said right, with its reason");
            s.next();
            s.tap("app-phone");
            s.type("10");
            s.type("1022");
            s.submit();
            s.tap("btn-call");
            s.next();
            assertTrue(s.done());
            assertEquals(Optional.of(100), s.score());
            assertEquals("completed hotline-1022 AT-TH1-0001 [hotline-1022] score=100 s=0", evidence.last());
            assertEquals(1 + 6 + 1, evidence.lines.size(), "started, one line per step, completed");
            assertTrue(new SqliteProgressStore(db, clock).load("hotline-1022", "AT-TH1-0001").isEmpty(),
                    "a completed lesson leaves no progress behind");
        }
    }

    @Test
    void wrongTapsCostAGentleWordAndTwoOfThemShowTheRightPlace() throws Exception {
        try (LocalDatabase db = db()) {
            LessonSession s = LessonSession.open(pack, null, new SqliteProgressStore(db, clock), evidence, clock);
            s.next();
            s.choose("ambulance");
            assertEquals(Feedback.WRONG_CHOICE, s.feedback());
            assertFalse(s.canContinue(), "a wrong answer does not move on");
            s.choose("road");
            s.next();
            assertEquals("open-phone", s.step().id());
            s.tap("app-chat");
            assertEquals(Feedback.WRONG_TAP, s.feedback());
            assertEquals(Optional.empty(), s.highlight(), "one miss: no highlight yet");
            s.tap(null);
            assertEquals(Optional.of("app-phone"), s.highlight(), "two misses: the right element is shown");
            assertEquals("open-phone", s.step().id(), "nothing broke, still the same step");
            s.tap("app-phone");
            assertEquals(Optional.empty(), s.highlight(), "the next step starts fresh");
            assertEquals("step 3 open-phone correct=false misses=2", evidence.last());
            s.type("1023");
            s.submit();
            assertEquals(Feedback.WRONG_TEXT, s.feedback());
            s.type("1022");
            s.submit();
            s.tap("btn-call");
            s.next();
            assertEquals(Optional.of(25), s.score(), "1 of 4 scored steps right first time");
            assertTrue(evidence.last().startsWith("completed hotline-1022 null [hotline-1022] score=25"));
        }
    }

    @Test
    void backGoesOneStepAndTheStepCanBeDoneAgain() throws Exception {
        try (LocalDatabase db = db()) {
            LessonSession s = LessonSession.open(pack, null, new SqliteProgressStore(db, clock), evidence, clock);
            s.next();
            s.choose("road");
            s.next();
            s.tap("app-phone");
            assertEquals("dial", s.step().id());
            s.back();
            assertEquals("open-phone", s.step().id());
            assertEquals(3, s.stepNumber());
            s.tap("app-phone");
            assertEquals("dial", s.step().id());
        }
    }

    @Test
    void aLessonLeftHalfWayResumesAtTheSameStepAfterARestart() throws Exception {
        Clock later = Clock.offset(clock, Duration.ofMinutes(7));
        try (LocalDatabase db = db()) {
            LessonSession s = LessonSession.open(pack, "AT-TH1-0001", new SqliteProgressStore(db, clock), evidence, clock);
            s.next();
            s.choose("road");
            s.next();
            s.tap("app-phone");
        }
        // The kiosk restarts: a new database connection, a new session object.
        RecordingEvidence after = new RecordingEvidence();
        try (LocalDatabase db = db()) {
            LessonSession s = LessonSession.open(pack, "AT-TH1-0001", new SqliteProgressStore(db, later), after, later);
            assertEquals("dial", s.step().id());
            assertEquals(Feedback.RESUMED, s.feedback());
            assertTrue(after.lines.isEmpty(), "resuming is not a new start");
            LessonSession other = LessonSession.open(pack, "AT-TH1-0002", new SqliteProgressStore(db, later), after, later);
            assertEquals("intro", other.step().id(), "another household starts at the beginning");
            s.type("1022");
            s.submit();
            s.tap("btn-call");
            s.next();
            assertTrue(after.last().endsWith("score=100 s=420"), "duration counts from the first start: " + after.last());
        }
    }

    @Test
    void typedAnswersIgnoreCaseSpacesAndWhereTheToneMarkSits() {
        assertEquals(LessonSession.normal("Hòa", false), LessonSession.normal(" hoà ", false));
        assertEquals(LessonSession.normal("0912345678", true), LessonSession.normal("0912 345 678", true));
        assertFalse(LessonSession.normal("nón lá", false).equals(LessonSession.normal("non la", false)),
                "the marks are what is practised");
    }

    @Test
    void toneMarksLandOnTheRightVowel() {
        assertEquals("nón", VietnameseInput.applyTone("non", VietnameseInput.Tone.SAC));
        assertEquals("nón lá", VietnameseInput.applyTone("nón la", VietnameseInput.Tone.SAC));
        assertEquals("trạm", VietnameseInput.applyTone("tram", VietnameseInput.Tone.NANG));
        assertEquals("người", VietnameseInput.applyTone("người".replace("ờ", "ơ"), VietnameseInput.Tone.HUYEN));
        assertEquals("già", VietnameseInput.applyTone("gia", VietnameseInput.Tone.HUYEN));
        assertEquals("quả", VietnameseInput.applyTone("qua", VietnameseInput.Tone.HOI));
        assertEquals("xã", VietnameseInput.applyTone("xá", VietnameseInput.Tone.NGA), "a new mark replaces the old");
        assertEquals("mùa", VietnameseInput.applyTone("mua", VietnameseInput.Tone.HUYEN));
        assertEquals("1022", VietnameseInput.applyTone("1022", VietnameseInput.Tone.SAC), "no vowel, no change");
    }

    @Test
    void progressOfAnOlderVersionIsNotResumed() throws Exception {
        try (LocalDatabase db = db()) {
            SqliteProgressStore store = new SqliteProgressStore(db, clock);
            store.save("", new Progress("hotline-1022", 0, 3, java.util.List.of(0, 0, 0), clock.instant()));
            LessonSession s = LessonSession.open(pack, null, store, evidence, clock);
            assertEquals("intro", s.step().id());
            assertTrue(Files.exists(tmp.resolve("kiosk.db")));
        }
    }
}
