package vn.giadinhso.kiosk.ui;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/**
 * The enrolment screens of a kiosk that is not enrolled yet, shown on {@code stage} one after the
 * other for the whole-window checks (truncation, accessibility): the PIN half typed, the code
 * mistyped, the hub step. Each is handed to {@code check} as "enrol-pin", "enrol-code",
 * "enrol-hub" with the view's root; the check lays it out and measures it.
 */
final class EnrolmentWalk {

    private EnrolmentWalk() {
    }

    static void walk(FxRobot robot, Stage stage, Path dir, MutableClock clock, URI hub, Locale locale,
            int width, int height, BiConsumer<String, Parent> check) {
        EnrolmentModel enrol = new EnrolmentModel(new KioskDataDir(dir.resolve("never-enrolled")),
                new StaffPin(new StaffPinFile(dir.resolve("never-enrolled")), 5, Duration.ofMinutes(5), clock),
                new Enroller(null), Optional.of(hub), LanguageOnScreen.builtIn(), task -> { }, Runnable::run, id -> { });
        EnrolmentView[] view = new EnrolmentView[1];
        robot.interact(() -> {
            enrol.switchLanguage(locale);
            view[0] = new EnrolmentView(enrol);
            stage.setScene(view[0].scene(width, height));
        });
        robot.interact(() -> enrol.pinTyped("12"));
        check.accept("enrol-pin", view[0].node());
        robot.interact(() -> {
            enrol.pinTyped("2468");
            enrol.pinAgain("2468");
            enrol.codeTyped("nope");
        });
        check.accept("enrol-code", view[0].node());
        robot.interact(() -> enrol.codeTyped("ABCD-EFGH-JKMN"));
        check.accept("enrol-hub", view[0].node());
    }
}
