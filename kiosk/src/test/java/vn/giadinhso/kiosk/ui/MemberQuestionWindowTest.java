package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.protocol.EventTypes;

/**
 * The question to the person whose own ID card was scanned (issue 15), in a real window at the
 * small panels a support point may have, 1024×768 and 1280×800, in Vietnamese and English: asked,
 * answered "Chưa" (the practice lesson and support offered) and answered "Đã kích hoạt". Every
 * touch target at least 15 mm, every text at least 24 px with 7:1 contrast, no word cut.
 *
 * <p>Panel sizes assumed: 12.1-inch at both resolutions (106 and 125 dpi: 15 mm is 63 and 74 px).
 * The three answers are held to 15 mm on a 10.1-inch 1280×800 panel too (149 dpi, 89 px), the
 * smallest touch panel sold at that resolution.
 */
@ExtendWith(ApplicationExtension.class)
class MemberQuestionWindowTest {

    static final List<KioskAccessibilityTest.Panel> PANELS = List.of(new KioskAccessibilityTest.Panel(1024, 768, 12.1),
            new KioskAccessibilityTest.Panel(1280, 800, 12.1));
    static final int ANSWER_MIN_PX = new KioskAccessibilityTest.Panel(1280, 800, 10.1).minTargetPx();
    static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH);
    static final String AN = RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An");
    /** The household's other member: a woman born in 1999 (G = 1), so her card says "Nữ". */
    static final String BINH = RealHub.cccdQr(RealHub.OTHER_MEMBER_ID, "Trần Thị Bình").replace("|Nam|", "|Nữ|");

    static Path tmp;
    static RealHub hub;
    static MutableClock clock = new MutableClock();

    Stage stage;
    KioskWindowRig rig;
    KioskScreenModel model;
    KioskRoot root;
    final List<String> said = new CopyOnWriteArrayList<>();
    final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-member-question");
        hub = new RealHub(tmp.resolve("hub")).withShippedLessons();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // No demo panel: a support point's kiosk has none, and its 72-px buttons are for demos only.
        rig = KioskWindowRig.open(stage, hub, tmp, clock, List.of(), said);
        model = rig.model();
        root = rig.root();
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void theQuestionAndWhatFollowsFitSmallPanelsWithBigAnswersInBothLanguages(FxRobot robot) throws Exception {
        robot.interact(() -> model.scanned(AN));
        rig.awaitScreen(Screen.MEMBER_QUESTION);
        assertTrue(said.get(said.size() - 1).startsWith("Ông/bà đã kích hoạt tài khoản định danh điện tử VNeID mức 2 chưa?"),
                "the question is spoken: " + said);
        everySizeAndLanguage(robot, "asked");
        for (String answer : List.of("yes", "no", "unsure")) {
            robot.interact(() -> assertAnswerAtLeast(answer, ANSWER_MIN_PX));
        }

        robot.interact(() -> model.switchLanguage(Locale.forLanguageTag("vi")));
        robot.clickOn("#answer-no");
        assertTrue(robot.lookup("#member-lesson-vneid-activate").tryQuery().isPresent(), "the VNeID lesson is offered");
        assertTrue(robot.lookup("#member-support").tryQuery().isPresent(), "a support request is offered");
        assertTrue(said.get(said.size() - 1).startsWith("Cảm ơn ông/bà"), said.toString());
        everySizeAndLanguage(robot, "answered no");

        robot.interact(() -> model.scanned(BINH));
        rig.awaitScreen(Screen.MEMBER_QUESTION);
        robot.interact(() -> model.switchLanguage(Locale.forLanguageTag("vi")));
        robot.clickOn("#answer-yes");
        assertTrue(robot.lookup(".body").queryAllAs(javafx.scene.control.Label.class).stream()
                .anyMatch(l -> l.getText().equals("Cán bộ sẽ xác nhận với ông/bà.")), "a yes is for staff to verify");
        everySizeAndLanguage(robot, "answered yes");

        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
        List<String> answers = new ArrayList<>();
        for (OutboxEvent e : rig.app().outbox.oldest(100)) {
            if (e.type().equals(EventTypes.MEMBER_DECLARED)) {
                answers.add(new ObjectMapper().readTree(e.payload()).path("answer").asText());
            }
        }
        assertEquals(List.of("no", "yes"), answers, "one event per answer touched");

        robot.clickOn("#member-continue");
        assertEquals(Screen.STATUS, model.screen());
    }

    private void assertAnswerAtLeast(String answer, int px) {
        Node b = root.node().lookup("#answer-" + answer);
        Bounds r = b.localToScene(b.getLayoutBounds());
        assertTrue(r.getWidth() >= px && r.getHeight() >= px,
                answer + " is " + (int) r.getWidth() + "x" + (int) r.getHeight() + " px, under " + px + " px");
    }

    private void everySizeAndLanguage(FxRobot robot, String state) {
        for (KioskAccessibilityTest.Panel panel : PANELS) {
            for (Locale locale : LOCALES) {
                robot.interact(() -> {
                    stage.setWidth(panel.width());
                    stage.setHeight(panel.height());
                    model.switchLanguage(locale);
                });
                // Measured in the FX step that lays out (see KioskAccessibilityTest.check).
                robot.interact(() -> {
                    root.node().resize(panel.width(), panel.height());
                    root.node().applyCss();
                    root.node().layout();
                    inspect(panel, state + " " + panel.width() + "x" + panel.height() + " " + locale + ": ");
                });
            }
        }
    }

    private void inspect(KioskAccessibilityTest.Panel panel, String where) {
        assertTrue(root.node().lookup("#member-question") != null, where + "the question screen is shown");
        Truncation.find(root.node(), panel.width(), panel.height()).forEach(cut -> problems.add(where + cut));
        for (Node n : VisibleNodes.under(root.node())) {
            if (n instanceof ButtonBase b) {
                Bounds r = b.localToScene(b.getLayoutBounds());
                if (r.getWidth() < panel.minTargetPx() || r.getHeight() < panel.minTargetPx()) {
                    problems.add(where + "'" + b.getText() + "' is " + (int) r.getWidth() + "x" + (int) r.getHeight()
                            + " px, under " + panel.minTargetPx() + " px (15 mm)");
                }
                if (r.getMaxX() > panel.width() + 1 || r.getMaxY() > panel.height() + 1) {
                    problems.add(where + "'" + b.getText() + "' is off the screen");
                }
            }
            if (n instanceof Text text && !(n instanceof FontIcon) && !text.getText().isBlank()) {
                if (text.getFont().getSize() < 24) {
                    problems.add(where + "'" + text.getText() + "' is " + text.getFont().getSize() + " px");
                }
                if (text.getFill() instanceof Color fg
                        && KioskAccessibilityTest.contrast(fg, KioskAccessibilityTest.background(text)) < 7) {
                    problems.add(where + "'" + text.getText() + "' has contrast under 7:1");
                }
            }
        }
    }
}
