package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.screen.Screen;

/**
 * Under cage (issue 14's kiosk session) the staff screen's "Thoát toàn màn hình" would mean
 * nothing: it reads "Khởi động lại ki-ốt" and ends the window with the exit code the unit restarts on.
 */
@ExtendWith(ApplicationExtension.class)
class RestartUnderCompositorWindowTest {

    static Path tmp;
    static RealHub hub;
    static MutableClock clock = new MutableClock();

    KioskWindowRig rig;
    final KioskSession cage = KioskSession.fromEnvironment(Map.of(KioskSession.ENV, "cage"));
    final AtomicInteger exits = new AtomicInteger();

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-cage");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        rig = KioskWindowRig.open(stage, hub, tmp, clock, List.of(), new ArrayList<>(), cage, exits::incrementAndGet);
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void theStaffScreenOffersARestartThatEndsWithTheUnitsRestartCode(FxRobot robot) {
        robot.interact(() -> {
            rig.model().openStaff();
            rig.model().enterPin(KioskWindowRig.STAFF_PIN);
        });
        rig.awaitScreen(Screen.STAFF);
        assertFalse(robot.lookup("#leave-fullscreen").tryQuery().isPresent(), "no full screen to leave under cage");
        assertEquals("Khởi động lại ki-ốt", robot.lookup("#restart-kiosk").queryAs(Button.class).getText());

        robot.clickOn("#restart-kiosk");
        assertEquals(1, exits.get(), "the window was ended");
        assertEquals(KioskSession.RESTART_EXIT_CODE, cage.exitCode());
        assertTrue(cage.underCompositor());
    }
}
