package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.e2e.KioskEndToEndTest;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/** The main flows on the real JavaFX scene graph under headless Monocle, driven by TestFX. */
@ExtendWith(ApplicationExtension.class)
class KioskWindowTest {

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
        tmp = Files.createTempDirectory("kiosk-ui");
        // With the shipped lessons, so the screenshots show the lesson buttons and the "Thực hành" list.
        hub = new RealHub(tmp.resolve("hub")).withShippedLessons();
        cards = List.of(new DemoCard("member", RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An")),
                new DemoCard("household", hub.householdQr("AT-TH1-0002")),
                new DemoCard("stranger", RealHub.cccdQr(RealHub.STRANGER_ID, "Lê Văn Khách")),
                new DemoCard("broken", "GDS1|broken"));
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
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    private void awaitScreen(Screen expected) {
        rig.awaitScreen(expected);
    }

    private void awaitText(FxRobot robot, String query, String expected) {
        awaitLabel(robot, query, expected::equals);
        assertEquals(expected, robot.lookup(query).queryAs(Label.class).getText());
    }

    private void awaitLabel(FxRobot robot, String query, java.util.function.Predicate<String> test) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup(query).tryQuery().map(n -> test.test(((Label) n).getText())).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " shows: " + robot.lookup(query).tryQuery().map(n -> ((Label) n).getText()), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scanShowsTheHouseholdAndIdleClearsIt(FxRobot robot) {
        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        assertEquals("0/6 tiêu chí", robot.lookup("#progress").queryAs(Label.class).getText());
        robot.clickOn("#declare-device-internet");
        assertEquals("Đã báo, chờ cán bộ xác nhận", robot.lookup(".declared").queryAs(Label.class).getText());

        clock.advance(Duration.ofSeconds(62));
        robot.interact(model::tick);
        assertTrue(robot.lookup("#countdown").tryQuery().isPresent(), "asks: are you still there?");
        clock.advance(Duration.ofSeconds(KioskScreenModel.COUNTDOWN_SECONDS));
        robot.interact(model::tick);
        assertEquals(Screen.WELCOME, model.screen());
        assertTrue(model.household().isEmpty(), "personal data left memory");
        assertTrue(robot.lookup("#welcome").tryQuery().isPresent());
        assertFalse(robot.lookup("#progress").tryQuery().isPresent());
    }

    @Test
    void unknownAndBrokenCardsSayWhatToDoAndHelpIsEverywhere(FxRobot robot) {
        robot.clickOn("#demo-2");
        awaitScreen(Screen.NOT_FOUND);
        assertTrue(robot.lookup("#not-found").tryQuery().isPresent());
        robot.clickOn("#demo-3");
        awaitScreen(Screen.UNREADABLE);
        assertTrue(robot.lookup("#unreadable").tryQuery().isPresent());
        robot.clickOn("#help");
        robot.clickOn("#support-vneid");
        assertTrue(robot.lookup("#support-sent").tryQuery().isPresent());
        robot.clickOn("#lang-en");
        robot.clickOn("#back");
        assertEquals(Locale.ENGLISH, model.locale());
    }

    @Test
    void staffPinThenAttendanceCountsEachPersonOnce(FxRobot robot) {
        robot.clickOn("#staff");
        robot.clickOn("#pin-1").clickOn("#pin-pin-OK".replace("pin-pin-", "pin-"));
        assertEquals("Mã PIN không đúng.", robot.lookup("#pin-message").queryAs(Label.class).getText());
        for (String k : List.of("2", "4", "6", "8", "OK")) {
            robot.clickOn("#pin-" + k);
        }
        assertEquals(Screen.STAFF, model.screen());
        assertTrue(robot.lookup("#kiosk-info").tryQuery().isPresent());
        robot.clickOn("#session-s-today");
        robot.clickOn("#demo-0");
        awaitText(robot, "#attendance-count", "Đã điểm danh: 1 người");
        robot.clickOn("#demo-1");
        awaitText(robot, "#attendance-count", "Đã điểm danh: 2 người");
        robot.clickOn("#demo-0");
        awaitLabel(robot, "#attendance-last", text -> text.startsWith("Người này đã điểm danh rồi"));
        assertEquals("Đã điểm danh: 2 người", robot.lookup("#attendance-count").queryAs(Label.class).getText());
    }

    @Test
    void wrongPinsLockStaffModeEvenForTheRightPin(FxRobot robot) {
        robot.clickOn("#staff");
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#pin-9").clickOn("#pin-OK");
        }
        for (String k : List.of("2", "4", "6", "8", "OK")) {
            robot.clickOn("#pin-" + k);
        }
        assertEquals(Screen.STAFF_PIN, model.screen());
        assertEquals("Đã nhập sai nhiều lần. Xin thử lại sau ít phút.",
                robot.lookup("#pin-message").queryAs(Label.class).getText());
    }

    @Test
    void everyInstructionIsAlsoSpokenAndCanBeHeardAgain(FxRobot robot) {
        assertTrue(said.get(0).startsWith("Quét thẻ để bắt đầu"), said.toString());
        robot.clickOn("#demo-0");
        rig.awaitHouseholdPastQuestion();
        String summary = said.get(said.size() - 1);
        assertTrue(summary.startsWith("0 trên 6 tiêu chí đã đạt."), summary);
        assertFalse(summary.contains("An"), "never a name aloud in a public room");
        robot.clickOn("#listen-again");
        assertEquals(summary, said.get(said.size() - 1), "Nghe lại says it again");
        robot.clickOn("#help");
        assertTrue(said.get(said.size() - 1).startsWith("Ông/bà cần hỗ trợ về việc gì?"));
        clock.advance(Duration.ofSeconds(61));
        robot.interact(model::tick);
        assertTrue(said.get(said.size() - 1).startsWith("Ông/bà còn ở đây không?"), said.toString());
        int before = said.size();
        robot.interact(model::tick);
        assertEquals(before, said.size(), "said once per screen, not on every redraw");
    }

    @Test
    void theReaderIndicatorFollowsTheReaderLive(FxRobot robot) {
        Label state = robot.lookup("#connection-state").queryAs(Label.class);
        awaitIndicator(robot, state, "Đầu đọc: sẵn sàng");
        assertTrue(state.getText().startsWith("● Đã kết nối"), "synced with the hub: " + state.getText());
        reader.simulateUnplugged(true);
        awaitIndicator(robot, state, "Đầu đọc: chưa kết nối");
        reader.simulateUnplugged(false);
        awaitIndicator(robot, state, "Đầu đọc: sẵn sàng");
    }

    /** The window's one-second tick, run by hand until the indicator shows {@code ending}. */
    private void awaitIndicator(FxRobot robot, Label state, String ending) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                robot.interact(model::tick);
                return state.getText().endsWith(ending);
            });
        } catch (TimeoutException e) {
            throw new AssertionError("indicator: " + state.getText(), e);
        }
    }

    /** Writes every screen at 1920×1080 and 1366×768 to target/screenshots for review. */
    @Test
    void screenshotsOfEveryScreen(FxRobot robot) throws Exception {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        Stage stage = (Stage) root.node().getScene().getWindow();
        for (int[] size : new int[][] {{1920, 1080}, {1366, 768}}) {
            robot.interact(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            robot.interact(model::leaveStaff);
            shoot(robot, out, "welcome", size);
            robot.interact(model::openPractice);
            shoot(robot, out, "practice", size);
            robot.interact(() -> model.scanned(cards.get(0).payload()));
            shoot(robot, out, "member-question", size);
            robot.interact(model::showHousehold);
            shoot(robot, out, "status", size);
            robot.interact(() -> model.scanned(cards.get(2).payload()));
            shoot(robot, out, "not-found", size);
            robot.interact(() -> model.scanned(cards.get(3).payload()));
            shoot(robot, out, "unreadable", size);
            robot.interact(model::openSupport);
            shoot(robot, out, "support", size);
            robot.interact(() -> model.scanned(cards.get(0).payload()));
            clock.advance(Duration.ofSeconds(63));
            robot.interact(model::tick);
            shoot(robot, out, "idle-countdown", size);
            robot.interact(model::stay);
            robot.interact(model::openStaff);
            shoot(robot, out, "staff-pin", size);
            robot.interact(() -> model.enterPin("2468"));
            shoot(robot, out, "staff", size);
            robot.interact(() -> model.startAttendance(model.staff().todaysSessions().get(0)));
            robot.interact(() -> model.scanned(cards.get(0).payload()));
            shoot(robot, out, "attendance", size);
            // The enrolment screen of a kiosk that is not enrolled yet (never submitted here).
            EnrolmentModel enrol = new EnrolmentModel(new KioskDataDir(tmp.resolve("not-enrolled")),
                    new StaffPin(new StaffPinFile(tmp.resolve("not-enrolled")), 5, Duration.ofMinutes(5), clock),
                    new Enroller(null), Optional.of(hub.uri()), LanguageOnScreen.builtIn(), task -> { }, Runnable::run, id -> { });
            EnrolmentView view = new EnrolmentView(enrol);
            robot.interact(() -> new Scene(view.node()));
            shoot(robot, out, view.node(), "enrol-pin", size);
            robot.interact(() -> {
                enrol.pinTyped("2468");
                enrol.pinAgain("2468");
            });
            shoot(robot, out, view.node(), "enrol-code", size);
            robot.interact(() -> enrol.codeTyped("ABCD-EFGH-JKMN"));
            shoot(robot, out, view.node(), "enrol-hub", size);
        }
        assertTrue(Files.size(out.resolve("status-1920x1080.png")) > 10_000);
    }

    private void shoot(FxRobot robot, Path dir, String name, int[] size) throws Exception {
        shoot(robot, dir, root.node(), name, size);
    }

    private void shoot(FxRobot robot, Path dir, javafx.scene.layout.Region node, String name, int[] size) throws Exception {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            if (node.getScene() != null && node.getScene() != root.node().getScene()) {
                node.getScene().getStylesheets().setAll(root.node().getScene().getStylesheets());
            }
            node.resize(size[0], size[1]);
            node.applyCss();
            node.layout();
            image[0] = new WritableImage(size[0], size[1]);
            node.snapshot(null, image[0]);
        });
        PixelReader pixels = image[0].getPixelReader();
        BufferedImage png = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size[1]; y++) {
            for (int x = 0; x < size[0]; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(png, "png", dir.resolve(name + "-" + size[0] + "x" + size[1] + ".png").toFile());
    }
}
