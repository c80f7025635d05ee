package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.hub.language.LanguagePackReader;
import vn.giadinhso.hub.pack.ShippedPacks;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.language.Language;
import vn.giadinhso.kiosk.language.Narration;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.Screen;

/**
 * A language added as files, no code: the hub publishes the fake test language x-test (test
 * resources only), the kiosk fetches it over real HTTP at its sync, and the welcome screen offers
 * it by its own name. Its strings show, a string it lacks is Vietnamese, its recorded step is
 * chosen over synthesis, and Vietnamese audio is not played under its words.
 */
@ExtendWith(ApplicationExtension.class)
class LanguagePackWindowTest {

    static Path tmp;
    static RealHub hub;
    static MutableClock clock = new MutableClock();

    KioskWindowRig rig;
    KioskScreenModel model;
    final List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-language-ui");
        hub = new RealHub(tmp.resolve("hub")).withShippedLessons();
        assertEquals(1, new ShippedPacks<>(new LanguagePackReader(), hub.hub.languagePacks, "/test-languages").load());
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        rig = KioskWindowRig.open(stage, hub, tmp, clock, List.of(), said);
        model = rig.model();
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void aLanguageAddedAsFilesIsOfferedShownWithVietnameseFallbackAndHeardFromItsRecordings(FxRobot robot) {
        assertEquals("Tiếng Việt", robot.lookup("#lang-vi").queryAs(Button.class).getText());
        assertEquals("English", robot.lookup("#lang-en").queryAs(Button.class).getText());
        assertEquals("Xtest", robot.lookup("#lang-x-test").queryAs(Button.class).getText(), "named in itself");
        String viHint = Language.builtIn(Locale.forLanguageTag("vi")).message("welcome.hint");

        said.clear();
        robot.clickOn("#lang-x-test");
        List<String> welcome = robot.lookup("#welcome").queryAll().stream().findFirst().map(n -> n.lookupAll(".label")
                .stream().filter(l -> l instanceof Labeled).map(l -> ((Labeled) l).getText()).toList()).orElseThrow();
        assertTrue(welcome.contains("XT scan-card XT"), "the pack's string: " + welcome);
        assertTrue(welcome.contains(viHint), "a string the pack lacks is Vietnamese: " + welcome);
        assertEquals("XT help XT", robot.lookup("#help").queryAs(Button.class).getText());
        // The title is the pack's, the hint Vietnamese: no one voice reads both, so nothing is synthesised.
        assertEquals(List.of(), said, "no Vietnamese voice under the pack's words");

        LessonPack shown = model.lessonModel().pack("hotline-1022").orElseThrow();
        assertEquals("XT hotline XT", shown.lesson().title().in(model.locale()));
        Narration intro = model.language().stepNarration(shown, shown.lesson().steps().get(0));
        assertInstanceOf(Narration.Recorded.class, intro);
        Path recording = ((Narration.Recorded) intro).files().get(0);
        assertTrue(recording.toString().replace('\\', '/').endsWith("languages/x-test/1/audio/hotline-1022/intro.x-test.wav")
                && recording.startsWith(tmp) && !recording.toString().contains("test-classes"),
                "the recording fetched from the hub, not the test resources: " + recording);

        robot.interact(() -> model.startLesson("hotline-1022"));
        assertEquals(Screen.LESSON, model.screen());
        assertEquals("XT intro XT", robot.lookup("#lesson-say").queryAs(Label.class).getText());
        assertEquals("XT replay XT", robot.lookup("#lesson-replay").queryAs(Button.class).getText());
        robot.interact(model::leaveLesson);

        said.clear();
        robot.clickOn("#lang-vi");
        assertFalse(said.isEmpty(), "Vietnamese is read in Vietnamese");
        assertFalse(said.get(0).contains("XT"), said.toString());
    }
}
