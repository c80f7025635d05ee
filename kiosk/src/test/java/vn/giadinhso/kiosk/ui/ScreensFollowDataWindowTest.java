package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import vn.giadinhso.kiosk.screen.Screen;

/**
 * The first start: the welcome screen is up before the hub has any lesson pack for this kiosk.
 * When packs arrive by sync, the practice button appears without anyone scanning a card.
 */
@ExtendWith(ApplicationExtension.class)
class ScreensFollowDataWindowTest {

    static Path tmp;
    static RealHub hub;
    KioskWindowRig rig;

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-follow-data");
        hub = new RealHub(tmp.resolve("hub")); // no lesson packs yet
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        rig = KioskWindowRig.open(stage, hub, tmp, new MutableClock(), List.of(), new java.util.ArrayList<>());
    }

    @AfterEach
    void close() throws Exception {
        rig.close();
    }

    @Test
    void theWelcomeScreenGainsThePracticeButtonWhenPacksArrive(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Screen.WELCOME, rig.model().screen());
        assertTrue(robot.lookup("#practise").tryQuery().isEmpty(), "no packs, no practice button");

        hub.withShippedLessons();
        // The periodic sync, as the kiosk's timer runs it: off the UI thread.
        assertEquals(Optional.empty(), rig.app().syncQuietly());

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#practise").tryQuery().isPresent());
        assertEquals(Screen.WELCOME, rig.model().screen(), "still the welcome screen: nobody scanned");
        assertTrue(rig.model().welcome().practiceAvailable());
    }
}
