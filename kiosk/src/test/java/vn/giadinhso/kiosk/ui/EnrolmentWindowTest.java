package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.EnrolmentModel.Step;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/** A staff member enrols a new kiosk by touch: PIN pad, code keypad or the code's QR at the reader, hub address. */
@ExtendWith(ApplicationExtension.class)
class EnrolmentWindowTest {

    static Path tmp;
    static RealHub hub;

    KioskDataDir dir;
    StaffPin pin;
    EnrolmentModel model;
    KioskReader reader;
    final List<KioskIdentity> enrolled = new CopyOnWriteArrayList<>();
    final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-enrol-ui");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = new KioskDataDir(Files.createTempDirectory(tmp, "kiosk"));
        pin = new StaffPin(new StaffPinFile(dir.path()), 5, Duration.ofMinutes(5), Clock.systemUTC());
        model = new EnrolmentModel(dir, pin, new Enroller(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()), Optional.of(hub.uri()), LanguageOnScreen.builtIn(), background,
                Platform::runLater,
                enrolled::add);
        // As in the window: before enrolment the reader's frames go to the enrolment screen as text.
        reader = KioskReader.of(KioskReader.simulatedProfile(), Optional.empty());
        reader.routeTo(frame -> {
            String text = reader.text(frame);
            Platform.runLater(() -> model.scanned(text));
        });
        reader.start();
        stage.setScene(new EnrolmentView(model).scene(1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        reader.close();
        background.shutdownNow();
    }

    private void awaitStep(Step step) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> model.step() == step);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void press(FxRobot robot, String keys) {
        for (char c : keys.toCharArray()) {
            robot.clickOn("#enrol-key-" + c);
        }
        robot.clickOn("#enrol-key-ok");
    }

    @Test
    void pinOnThePadCodeScannedAtTheReaderHubPrefilled(FxRobot robot) throws Exception {
        press(robot, "2468");
        awaitStep(Step.PIN_AGAIN);
        press(robot, "2468");
        awaitStep(Step.CODE);
        reader.simulateScan(hub.enrolmentCode());
        awaitStep(Step.HUB);
        assertEquals(hub.uri().toString(), robot.lookup("#enrol-hub").queryAs(TextField.class).getText());
        robot.clickOn("#enrol-key-ok");
        awaitStep(Step.DONE);
        assertEquals(1, enrolled.size());
        assertTrue(dir.enrolled());
        assertEquals(StaffPin.Answer.OK, pin.check("2468"));
    }

    @Test
    void aCodeTypedOnTheKeypadThatWasAlreadyUsedIsExplained(FxRobot robot) throws Exception {
        String code = hub.enrolmentCode();
        hub.enrolmentCode();
        new Enroller(HttpClient.newHttpClient()).enrol(hub.uri(), code);
        press(robot, "1357");
        awaitStep(Step.PIN_AGAIN);
        press(robot, "1357");
        awaitStep(Step.CODE);
        press(robot, code.replace("-", ""));
        awaitStep(Step.HUB);
        robot.clickOn("#enrol-key-ok");
        awaitStep(Step.CODE);
        assertEquals("Mã đăng ký này đã được dùng rồi. Xin lấy mã mới trên trang quản lý ki-ốt.",
                robot.lookup("#enrol-message").queryAs(Label.class).getText());
        assertTrue(!dir.enrolled() && !pin.isSet());
    }
}
