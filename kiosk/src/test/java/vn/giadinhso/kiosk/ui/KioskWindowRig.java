package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/**
 * A kiosk as it runs at a support point, in a TestFX stage: enrolled at a real hub by the CLI,
 * synced once, staff PIN 2468, demo cards scanned through the simulated reader, framer and decoder.
 * Window tests open one per test in their {@code @Start} and close it after.
 */
record KioskWindowRig(KioskApp app, KioskScreenModel model, KioskRoot root, KioskReader reader) {
    static final String STAFF_PIN = "2468";

    static KioskWindowRig open(Stage stage, RealHub hub, Path tmp, MutableClock clock, List<DemoCard> cards,
            List<String> said) throws Exception {
        return open(stage, hub, tmp, clock, cards, said, KioskSession.desktop(), () -> { });
    }

    /** As a kiosk in {@code session} (e.g. under cage), whose window ends by {@code exit}. */
    static KioskWindowRig open(Stage stage, RealHub hub, Path tmp, MutableClock clock, List<DemoCard> cards,
            List<String> said, KioskSession session, Runnable exit) throws Exception {
        Path data = hub.enrolledDataDir(tmp);
        KioskApp app = KioskApp.open(new KioskDataDir(data),
                new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)), clock);
        // The first sync also fetches the lesson packs the hub lists, before it returns.
        assertEquals(Optional.empty(), app.syncQuietly());
        StaffPin pin = new StaffPin(new StaffPinFile(data), 3, Duration.ofMinutes(5), clock);
        pin.choose(STAFF_PIN);
        KioskScreenModel model = app.screens(pin, PhoneSteps.national(),
                Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));
        KioskReader reader = KioskReader.of(KioskReader.simulatedProfile(), Optional.empty());
        app.onDataChanged(() -> javafx.application.Platform.runLater(model::dataChanged));
        KioskWindow.connect(reader, app, model);
        reader.start();
        KioskRoot root = new KioskRoot(model, stage, cards, reader::simulateScan, (text, locale) -> said.add(text),
                session, exit);
        stage.setScene(root.scene(1366, 768));
        stage.show();
        return new KioskWindowRig(app, model, root, reader);
    }

    void close() throws Exception {
        // Take the scene off the stage first: that stops its one-second tick, which would
        // otherwise run against the closed app until the next test replaces the scene.
        WaitForAsyncUtils.asyncFx(() -> {
            if (root.node().getScene() != null && root.node().getScene().getWindow() instanceof Stage s) {
                s.setScene(null);
            }
        }).get();
        reader.close();
        app.close();
    }

    /**
     * After a member's own ID card: the question about themselves comes first (issue 15), the
     * first time that day; "Bỏ qua" leads on to the household's status, which this waits for.
     */
    void awaitHouseholdPastQuestion() {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> model.screen() == Screen.MEMBER_QUESTION || model.screen() == Screen.STATUS);
            if (model.screen() == Screen.MEMBER_QUESTION) {
                WaitForAsyncUtils.asyncFx(model::showHousehold).get();
            }
        } catch (TimeoutException e) {
            throw new AssertionError("expected the household but the screen is " + model.screen(), e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        awaitScreen(Screen.STATUS);
    }

    /** A demo scan travels through the reader's thread; wait until the screen shows it. */
    void awaitScreen(Screen expected) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.screen() == expected);
        } catch (TimeoutException e) {
            throw new AssertionError("expected " + expected + " but the screen is " + model.screen(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
