package vn.giadinhso.kiosk.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.lesson.Progress;
import vn.giadinhso.kiosk.lesson.ProgressStore;
import vn.giadinhso.kiosk.lesson.RecordingEvidence;
import vn.giadinhso.kiosk.lesson.ShippedPacks;
import vn.giadinhso.kiosk.lesson.Step;
import vn.giadinhso.kiosk.lesson.TypingChoice;

/**
 * The player on the real scene graph under headless Monocle. Also writes a PNG of every step of
 * every shipped lesson to kiosk/target/lesson-screenshots/ for review.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerTest {

    static final double W = 1366;
    static final double H = 768;

    StackPane host = new StackPane();
    RecordingEvidence evidence = new RecordingEvidence();
    boolean exited;
    TypingChoice typing = new TypingChoice();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(host, W, H));
        stage.show();
    }

    LessonSession open(FxRobot robot, LessonPack pack, Locale locale) {
        LessonSession session = LessonSession.open(pack, "AT-TH1-0001", new MemoryProgress(), evidence, Clock.systemUTC());
        robot.interact(() -> host.getChildren().setAll(new LessonPlayer(session, new LessonPlayer.Host(locale,
                id -> "Tiêu chí " + id, id -> Optional.empty(), id -> { }, () -> exited = true, typing),
                new StepNarration(Narrator.silent()), H).node()));
        return session;
    }

    @Test
    void aResidentPlaysTheHotlineLessonEndToEnd(FxRobot robot) throws Exception {
        LessonSession s = open(robot, ShippedPacks.read("hotline-1022"), Locale.forLanguageTag("vi"));
        assertEquals("Tổng đài 1022 nhận phản ánh, kiến nghị của người dân gửi chính quyền. Cước gọi như gọi điện thường.",
                robot.lookup("#lesson-say").queryAs(Label.class).getText());
        robot.clickOn("#lesson-next");
        robot.clickOn("#choice-ambulance");
        assertTrue(robot.lookup("#lesson-feedback").queryAs(Label.class).getText().contains("gọi 115"));
        robot.clickOn("#choice-road");
        robot.clickOn("#lesson-next");
        robot.clickOn("#phone-app-chat");
        assertEquals("Chưa đúng chỗ. Không sao, thử lại nhé.", robot.lookup("#lesson-feedback").queryAs(Label.class).getText());
        robot.clickOn("#phone-app-maps");
        assertTrue(robot.lookup(".phone-highlight").tryQuery().isPresent(), "two misses: the phone app is framed");
        robot.clickOn("#phone-app-phone");
        for (String k : new String[] {"1", "0", "2", "3", "back", "2"}) {
            robot.clickOn("#key-" + k);
        }
        assertEquals("Đã gõ: 1022", robot.lookup("#lesson-typed").queryAs(Label.class).getText());
        robot.clickOn("#key-done");
        robot.clickOn("#lesson-back");
        assertEquals("dial", s.step().id(), "Quay lại goes one step back");
        robot.clickOn("#key-1").clickOn("#key-0").clickOn("#key-2").clickOn("#key-2").clickOn("#key-done");
        robot.clickOn("#phone-btn-call");
        robot.clickOn("#lesson-next");
        assertTrue(robot.lookup("#lesson-finished").tryQuery().isPresent());
        assertEquals("• Tiêu chí hotline-1022", robot.lookup("#lesson-criterion-hotline-1022").queryAs(Label.class).getText());
        assertEquals("Làm đúng ngay lần đầu: 50%", robot.lookup("#lesson-score").queryAs(Label.class).getText());
        assertTrue(evidence.last().startsWith("completed hotline-1022 AT-TH1-0001 [hotline-1022] score=50"));
        robot.clickOn("#lesson-finish");
        assertTrue(exited);
    }

    @Test
    void theKeyboardTypesTelexAsTheResidentsPhoneDoes(FxRobot robot) throws Exception {
        LessonSession s = open(robot, ShippedPacks.read("shop-online"), Locale.forLanguageTag("vi"));
        robot.clickOn("#lesson-next");
        robot.clickOn("#phone-app-shop");
        assertTrue(robot.lookup("#method-TELEX").queryAs(Button.class).getStyleClass().contains("method-on"),
                "Telex, the phones' default, is lit");
        assertEquals("Theo Telex, gõ: nons las", robot.lookup("#typing-keys").queryAs(Label.class).getText());
        assertEquals("Gõ a rồi s để được á; a a được â; d d được đ.",
                robot.lookup("#typing-rule").queryAs(Label.class).getText());
        for (String k : new String[] {"n", "o", "n", "s", "space", "l", "a", "s"}) {
            robot.clickOn("#key-" + k);
        }
        assertEquals("nón lá", s.typed());
        assertEquals("Đã gõ: nón lá", robot.lookup("#lesson-typed").queryAs(Label.class).getText());
        robot.clickOn("#key-done");
        assertEquals("pick", s.step().id());
    }

    @Test
    void aResidentWhosePhoneUsesVniPicksItAndTheKioskKeepsIt(FxRobot robot) throws Exception {
        LessonSession s = open(robot, ShippedPacks.read("shop-online"), Locale.forLanguageTag("vi"));
        robot.clickOn("#lesson-next");
        robot.clickOn("#phone-app-shop");
        robot.clickOn("#method-VNI");
        assertEquals("Theo VNI, gõ: non1 la1", robot.lookup("#typing-keys").queryAs(Label.class).getText());
        for (String k : new String[] {"n", "o", "n", "1", "space", "l", "a", "1"}) {
            robot.clickOn("#key-" + k);
        }
        assertEquals("nón lá", s.typed());
        robot.clickOn("#key-done");
        assertEquals("pick", s.step().id());

        // The next lesson in the same visit starts in VNI.
        LessonSession next = open(robot, ShippedPacks.read("zalo-oa"), Locale.forLanguageTag("vi"));
        while (next.step().kind() != vn.giadinhso.kiosk.lesson.StepKind.TYPE) {
            Step step = next.step();
            robot.interact(() -> solve(next, step));
        }
        assertTrue(robot.lookup("#method-VNI").queryAs(Button.class).getStyleClass().contains("method-on"));
        assertEquals("Theo VNI, gõ: ubnd xa4", robot.lookup("#typing-keys").queryAs(Label.class).getText());
    }

    @Test
    void theToneKeysStayForSomeoneWhoDoesNotTypeOnAPhoneYet(FxRobot robot) throws Exception {
        LessonSession s = open(robot, ShippedPacks.read("shop-online"), Locale.forLanguageTag("vi"));
        robot.clickOn("#lesson-next");
        robot.clickOn("#phone-app-shop");
        robot.clickOn("#method-TONE_KEYS");
        robot.clickOn("#key-n").clickOn("#key-o").clickOn("#key-n").clickOn("#tone-SAC").clickOn("#key-space")
                .clickOn("#key-l").clickOn("#key-a").clickOn("#tone-SAC");
        assertEquals("nón lá", s.typed());
        assertEquals("Dấu cách", robot.lookup("#key-space").queryAs(Button.class).getText());
        robot.clickOn("#key-done");
        assertEquals("pick", s.step().id());
    }

    @Test
    void aCodeWithoutMarksGetsNoToneRowsEvenWithTheToneKeys(FxRobot robot) throws Exception {
        LessonSession s = open(robot, ShippedPacks.read("dvc-lookup"), Locale.forLanguageTag("vi"));
        while (!"type-code".equals(s.step().id())) {
            Step step = s.step();
            robot.interact(() -> solve(s, step));
        }
        robot.clickOn("#method-TONE_KEYS");
        assertTrue(robot.lookup("#tone-SAC").tryQuery().isEmpty(), "no tone marks in H21.52-…: no tone rows");
        assertTrue(robot.lookup("#key-dot").tryQuery().isPresent() && robot.lookup("#key-done").tryQuery().isPresent());
        robot.clickOn("#key-h");
        assertEquals("h", s.typed());
    }

    /** Screenshots of each lesson's steps, in Vietnamese, with a wrong tap shown on the first tap step. */
    @Test
    void screenshotsOfEveryStep(FxRobot robot) throws Exception {
        Path out = Path.of("target/lesson-screenshots");
        Files.createDirectories(out);
        int shots = 0;
        for (LessonPack pack : LessonLibrary.load(java.util.List.of(ShippedPacks.dir())).all()) {
            LessonSession s = open(robot, pack, Locale.forLanguageTag("vi"));
            boolean missedOnce = false;
            while (!s.done()) {
                Step step = s.step();
                if (!missedOnce && step.kind() == vn.giadinhso.kiosk.lesson.StepKind.TAP) {
                    robot.interact(() -> { s.tap(null); s.tap(null); });
                    missedOnce = true;
                }
                snap(robot, out.resolve(pack.lesson().id() + "-" + String.format("%02d", s.stepNumber()) + "-" + step.id() + ".png"));
                shots++;
                robot.interact(() -> solve(s, step));
            }
            snap(robot, out.resolve(pack.lesson().id() + "-99-finished.png"));
        }
        assertTrue(shots > 90, shots + " screenshots");
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

    void snap(FxRobot robot, Path file) throws Exception {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = host.getScene().snapshot(null));
        int w = (int) img[0].getWidth();
        int h = (int) img[0].getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, img[0].getPixelReader().getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", file.toFile());
    }

    /** Progress in memory: the player test is about the screen, the SQLite store has its own test. */
    static final class MemoryProgress implements ProgressStore {
        final Map<String, Progress> saved = new HashMap<>();

        @Override
        public Optional<Progress> load(String lessonId, String learner) {
            return Optional.ofNullable(saved.get(lessonId + "|" + learner));
        }

        @Override
        public void save(String learner, Progress p) {
            saved.put(p.lessonId() + "|" + learner, p);
        }

        @Override
        public void clear(String lessonId, String learner) {
            saved.remove(lessonId + "|" + learner);
        }
    }
}
