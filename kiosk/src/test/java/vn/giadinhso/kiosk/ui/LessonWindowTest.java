package vn.giadinhso.kiosk.ui;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.e2e.KioskEndToEndTest;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.lesson.Step;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/**
 * Lessons through the real kiosk window (TestFX + headless Monocle) against a real hub that
 * publishes its shipped packs: from a household's status screen into the player and back, the
 * evidence reaching the hub and coming back as PRACTISED; the long idle limit while learning;
 * and "Thực hành" without a card.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {

    static final String CRITERION = "information-security";
    static final String LESSON = "password-otp";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path tmp;
    static RealHub hub;
    static List<DemoCard> cards;
    static MutableClock clock = new MutableClock();

    KioskWindowRig rig;
    KioskApp app;
    KioskScreenModel model;
    KioskRoot root;
    KioskReader reader;
    final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-lesson-ui");
        hub = new RealHub(tmp.resolve("hub")).withShippedLessons();
        cards = List.of(new DemoCard("member", RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An")));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        rig = KioskWindowRig.open(stage, hub, tmp, clock, cards, said);
        app = rig.app();
        model = rig.model();
        root = rig.root();
        reader = rig.reader();
        assertTrue(app.lessons.library().byId(LESSON).isPresent(), "packs fetched after sync");
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void aHouseholdPractisesFromItsStatusAndTheHubCountsItAsPractised(FxRobot robot) throws Exception {
        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        String button = "#lesson-" + CRITERION + "-" + LESSON;
        reveal(robot, button);
        assertTrue(robot.lookup(button).queryAs(Button.class).getText().startsWith("Thực hành: "));
        robot.clickOn(button);
        assertEquals(Screen.LESSON, model.screen());
        assertTrue(robot.lookup("#lesson").tryQuery().isPresent(), "the player opened");
        LessonSession session = model.lesson().orElseThrow();
        playOneStep(robot, session);
        playOneStep(robot, session);
        assertEquals(3, session.stepNumber());

        robot.clickOn("#lesson-exit"); // "Dừng, lát học tiếp"
        assertEquals(Screen.STATUS, model.screen());
        assertTrue(robot.lookup("#status").tryQuery().isPresent());
        reveal(robot, button);
        robot.clickOn(button);
        LessonSession resumed = model.lesson().orElseThrow();
        assertEquals(3, resumed.stepNumber(), "resumes where it was left");
        assertTrue(robot.lookup("#lesson-feedback").queryAs(Label.class).getText().startsWith("Học tiếp từ bước 3"));
        while (!resumed.done()) {
            playOneStep(robot, resumed);
        }
        assertTrue(robot.lookup("#lesson-finished").tryQuery().isPresent());
        assertTrue(robot.lookup("#lesson-criterion-" + CRITERION).tryQuery().isPresent());
        robot.clickOn("#lesson-finish");
        assertEquals(Screen.STATUS, model.screen());
        assertTrue(robot.lookup("#status").tryQuery().isPresent());

        // The evidence: lesson.completed with the household and the criteria, through the outbox to the hub.
        app.sender.start();
        assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "outbox drained");
        List<JsonNode> completed = new ArrayList<>();
        for (StoredEvent e : hub.events(app.identity.kioskId(), "lesson.completed")) {
            completed.add(JSON.readTree(e.payload()));
        }
        assertEquals(1, completed.size(), completed.toString());
        assertEquals("AT-TH1-0001", completed.get(0).path("householdCode").asText());
        assertEquals(LESSON, completed.get(0).path("lessonId").asText());
        assertTrue(completed.get(0).path("criteria").toString().contains(CRITERION), completed.toString());

        // After the next sync the criterion is PRACTISED, on the status screen too.
        assertEquals(Optional.empty(), app.syncQuietly());
        robot.interact(model::leaveStaff);
        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        assertEquals(CriterionStatus.PRACTISED, statusOf(CRITERION));
        assertTrue(robot.lookup(".met").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("Đã thực hành")),
                "the row says \"Đã thực hành\"");
    }

    @Test
    void theLessonScreenLetsASlowReaderBeButClearsTheHouseholdWhenTheyLeave(FxRobot robot) {
        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        String button = "#lesson-" + CRITERION + "-" + LESSON;
        reveal(robot, button);
        robot.clickOn(button);
        playOneStep(robot, model.lesson().orElseThrow());

        // Reading slowly: well past the normal idle time and its countdown, nothing is asked.
        tick(robot, Duration.ofSeconds(60 + KioskScreenModel.COUNTDOWN_SECONDS + 30));
        assertEquals(Screen.LESSON, model.screen());
        assertFalse(robot.lookup("#countdown").tryQuery().isPresent(), "no time pressure in a lesson");
        assertTrue(robot.lookup("#lesson").tryQuery().isPresent());

        // Walked away: at the lesson's limit the question comes over the lesson, then the reset.
        tick(robot, KioskScreenModel.LESSON_IDLE.minusSeconds(60 + KioskScreenModel.COUNTDOWN_SECONDS + 30));
        assertTrue(robot.lookup("#countdown").tryQuery().isPresent(), "asks: are you still there?");
        tick(robot, Duration.ofSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, model.screen());
        assertTrue(model.household().isEmpty() && model.lesson().isEmpty(), "personal data left the screen");
        assertTrue(robot.lookup("#welcome").tryQuery().isPresent());

        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        reveal(robot, button);
        robot.clickOn(button);
        assertEquals(2, model.lesson().orElseThrow().stepNumber(), "re-scanning resumes the saved step");
    }

    @Test
    void withoutACardAResidentPractisesFromTheWelcomeScreen(FxRobot robot) throws Exception {
        robot.clickOn("#practise");
        assertEquals(Screen.PRACTICE, model.screen());
        assertTrue(said.get(said.size() - 1).startsWith("Thực hành: chọn một bài"), said.toString());
        reveal(robot, "#practice-hotline-1022");
        assertEquals("Gọi Tổng đài 1022 để phản ánh", robot.lookup("#practice-hotline-1022").queryAs(Button.class).getText());
        robot.clickOn("#practice-hotline-1022");
        LessonSession s = model.lesson().orElseThrow();
        assertTrue(s.anonymous());
        while (!s.done()) {
            playOneStep(robot, s);
        }
        assertTrue(robot.lookup("#lesson-counts-note").queryAs(Label.class).getText().startsWith("Thực hành không cần thẻ"));
        assertEquals("Chọn bài khác", robot.lookup("#lesson-finish").queryAs(Button.class).getText());
        robot.clickOn("#lesson-finish");
        assertEquals(Screen.PRACTICE, model.screen(), "back to the list");
        for (OutboxEvent e : app.outbox.oldest(500)) {
            if (e.type().startsWith("lesson.")) {
                assertFalse(JSON.readTree(e.payload()).has("householdCode"), "anonymous: " + e.payload());
            }
        }
        assertTrue(app.outbox.oldest(500).stream().anyMatch(e -> e.type().equals("lesson.completed")));

        tick(robot, Duration.ofSeconds(60 + KioskScreenModel.COUNTDOWN_SECONDS));
        assertEquals(Screen.WELCOME, model.screen(), "the idle reset returns to welcome");
        assertTrue(robot.lookup("#welcome").tryQuery().isPresent());
    }

    // ---- helpers

    /** One step as a resident does it: the phone element, the right answer, or "Tiếp tục". */
    private void playOneStep(FxRobot robot, LessonSession s) {
        Step step = s.step();
        switch (step.kind()) {
            case TAP -> robot.clickOn("#phone-" + step.target());
            case CHOOSE -> {
                robot.clickOn("#choice-" + step.choices().stream().filter(c -> c.correct()).findFirst().orElseThrow().id());
                robot.clickOn("#lesson-next");
            }
            case INFO -> robot.clickOn("#lesson-next");
            case TYPE -> robot.interact(() -> { // the keyboard has its own test (LessonPlayerTest)
                s.type(step.answer());
                s.submit();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The window's one-second tick while time passes without a touch. */
    private void tick(FxRobot robot, Duration d) {
        for (long s = 0; s < d.toSeconds(); s += 10) {
            clock.advance(Duration.ofSeconds(Math.min(10, d.toSeconds() - s)));
            robot.interact(model::tick);
        }
    }

    private CriterionStatus statusOf(String criterion) {
        return model.household().orElseThrow().criteria().stream().filter(c -> c.id().equals(criterion)).findFirst()
                .orElseThrow().status();
    }

    /** Scrolls the list holding {@code query} so it can be touched, as a resident would scroll. */
    private void reveal(FxRobot robot, String query) {
        robot.interact(() -> {
            Node n = robot.lookup(query).query();
            for (Node p = n.getParent(); p != null; p = p.getParent()) {
                if (p instanceof ScrollPane sp) {
                    Bounds in = sp.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                    double hidden = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                    if (hidden > 0) {
                        sp.setVvalue(Math.max(0, Math.min(1, (in.getMinY() - 8) / hidden)));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void awaitScreen(Screen expected) {
        rig.awaitScreen(expected);
    }
}
