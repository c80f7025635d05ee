package vn.giadinhso.kiosk.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.e2e.KioskEndToEndTest;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.lesson.Feedback;
import vn.giadinhso.kiosk.lesson.LessonIcon;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.lesson.Step;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.ui.MutableClock;

/**
 * The lesson side of the screen model without a screen: the long idle limit on the lesson
 * screen, resuming after an idle reset, and "Thực hành" without a card (anonymous, back to the
 * list, forgotten at the idle reset). Lessons come from a real hub, through sync.
 */
class LessonScreenModelTest {

    static final Duration IDLE = Duration.ofSeconds(60);
    static final String MEMBER = RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An");
    static final ObjectMapper JSON = new ObjectMapper();

    static Path tmp;
    static RealHub hub;

    final MutableClock clock = new MutableClock();
    KioskApp app;
    KioskScreenModel model;

    @BeforeAll
    static void startHub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-lesson-model");
        hub = new RealHub(tmp.resolve("hub")).withShippedLessons();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    @BeforeEach
    void kiosk() throws Exception {
        Path data = Files.createTempDirectory(tmp, "kiosk");
        assertEquals(0, KioskEndToEndTest.cli("enrol", "--data", data.toString(), "--hub", hub.uri().toString(),
                "--code", hub.enrolmentCode()));
        app = KioskApp.open(new KioskDataDir(data),
                new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)), clock);
        assertEquals(Optional.empty(), app.syncQuietly());
        model = model(IDLE);
    }

    KioskScreenModel model(Duration idle) {
        return app.screens(new StaffPin(new StaffPinFile(tmp), 3, Duration.ofMinutes(5), clock),
                PhoneSteps.national(), idle, ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theLessonScreenWaitsFiveMinutesNeverLessThanElsewhere() {
        assertTrue(KioskScreenModel.LESSON_IDLE.compareTo(IDLE.multipliedBy(4)) >= 0, "much longer than the normal idle");
        model.scanned(MEMBER);
        assertEquals(IDLE, model.idleLimit());
        model.startLesson("password-otp");
        assertEquals(KioskScreenModel.LESSON_IDLE, model.idleLimit());
        model.leaveLesson();
        assertEquals(IDLE, model.idleLimit(), "only the lesson screen waits longer");

        // A kiosk configured with a longer idle time than the lesson limit keeps its own.
        KioskScreenModel patient = model(Duration.ofMinutes(10));
        patient.scanned(MEMBER);
        patient.startLesson("password-otp");
        assertEquals(Duration.ofMinutes(10), patient.idleLimit());
    }

    @Test
    void aSlowReaderIsNotAskedAndAWalkAwayStillClearsTheHouseholdWhoseProgressStaysSaved() {
        model.scanned(MEMBER);
        model.startLesson("password-otp");
        LessonSession first = model.lesson().orElseThrow();
        solve(first, first.step());
        solve(first, first.step());
        assertEquals(3, first.stepNumber());

        // Past the normal idle time and its countdown: nothing is asked, the lesson stays.
        idle(IDLE.plusSeconds(KioskScreenModel.COUNTDOWN_SECONDS + 5));
        assertEquals(Screen.LESSON, model.screen());
        assertEquals(Optional.empty(), model.countdown());
        assertTrue(model.lesson().isPresent());

        // Walked away: at the lesson limit the question comes, then the household leaves the screen.
        idle(KioskScreenModel.LESSON_IDLE.minus(IDLE).minusSeconds(KioskScreenModel.COUNTDOWN_SECONDS + 5));
        assertEquals(Optional.of(KioskScreenModel.COUNTDOWN_SECONDS), model.countdown());
        assertEquals(List.of(Spoken.of("idle.question"), Spoken.of("idle.stay.spoken")), model.spoken());
        idle(Duration.ofSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, model.screen());
        assertTrue(model.household().isEmpty(), "personal data left the screen");
        assertTrue(model.lesson().isEmpty());

        // The card again, the same lesson: it resumes where it was.
        model.scanned(MEMBER);
        model.startLesson("password-otp");
        LessonSession again = model.lesson().orElseThrow();
        assertEquals(3, again.stepNumber());
        assertEquals(Feedback.RESUMED, again.feedback());
    }

    @Test
    void withoutACardAnyoneCanPractiseAnonymouslyAndTheIdleResetForgetsThem() throws Exception {
        assertFalse(model.practice().lessons().isEmpty(), "the hub's lessons arrived with the sync");
        model.openPractice();
        assertEquals(Screen.PRACTICE, model.screen());
        assertEquals(List.of(Spoken.of("practice.title"), Spoken.of("practice.hint")), model.spoken());
        assertTrue(model.household().isEmpty());

        model.startLesson("hotline-1022");
        LessonSession s = model.lesson().orElseThrow();
        assertTrue(s.anonymous());
        while (!s.done()) {
            solve(s, s.step());
        }
        model.leaveLesson();
        assertEquals(Screen.PRACTICE, model.screen(), "back to the list, to pick another");
        List<JsonNode> lessonEvents = payloads("lesson.");
        assertTrue(lessonEvents.size() >= 3, lessonEvents.toString());
        assertTrue(lessonEvents.stream().noneMatch(p -> p.has("householdCode")), lessonEvents.toString());
        assertTrue(payloads("lesson.completed").get(0).path("criteria").toString().contains("hotline-1022"));

        // Half-way through another lesson, the resident walks away.
        model.startLesson("password-otp");
        solve(model.lesson().orElseThrow(), model.lesson().orElseThrow().step());
        idle(KioskScreenModel.LESSON_IDLE.plusSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, model.screen(), "the idle reset returns to welcome");
        model.openPractice();
        model.startLesson("password-otp");
        assertEquals(1, model.lesson().orElseThrow().stepNumber(), "the next walk-up starts afresh");
        assertEquals(Feedback.NONE, model.lesson().orElseThrow().feedback());
    }

    @Test
    void eachLessonHasAPictureFromItsOwnPhone() {
        var pictures = model.practice().lessons().stream().map(p -> LessonIcon.of(p.lesson())).toList();
        assertEquals("phone", LessonIcon.of(model.lessonModel().pack("hotline-1022").orElseThrow().lesson()));
        assertTrue(pictures.stream().filter(LessonIcon.FALLBACK::equals).count() <= 1, pictures.toString());
    }

    /** Time passes with the window's one-second ticks (coarser here: every five seconds). */
    private void idle(Duration d) {
        for (long s = 0; s < d.toSeconds(); s += 5) {
            clock.advance(Duration.ofSeconds(Math.min(5, d.toSeconds() - s)));
            model.tick();
        }
    }

    private List<JsonNode> payloads(String typePrefix) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (OutboxEvent e : app.outbox.oldest(500)) {
            if (e.type().startsWith(typePrefix)) {
                out.add(JSON.readTree(e.payload()));
            }
        }
        return out;
    }

    static void solve(LessonSession s, Step step) {
        switch (step.kind()) {
            case TAP -> s.tap(step.target());
            case TYPE -> {
                s.type(step.answer());
                s.submit();
            }
            case CHOOSE -> {
                s.choose(step.choices().stream().filter(c -> c.correct()).findFirst().orElseThrow().id());
                s.next();
            }
            case INFO -> s.next();
        }
    }
}
