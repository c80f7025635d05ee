package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.language.LanguagePacks;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/**
 * A kiosk installed with a language pack (the fake x-test, copied into its data dir as an
 * installer would) offers that language on the enrolment screen too, before any hub is known:
 * the pack's strings where it has them, Vietnamese where it does not.
 */
@ExtendWith(ApplicationExtension.class)
class EnrolmentLanguageTest {

    @TempDir
    static Path tmp;

    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        KioskDataDir dir = new KioskDataDir(tmp.resolve("not-enrolled"));
        copy(Path.of(getClass().getResource("/test-languages/x-test").toURI()), dir.languages().resolve("x-test"));
        EnrolmentModel model = new EnrolmentModel(dir,
                new StaffPin(new StaffPinFile(dir.path()), 5, Duration.ofMinutes(5), Clock.systemUTC()),
                new Enroller(null), Optional.of(URI.create("https://hub.example")),
                // As KioskWindow wires it for a data dir that is not enrolled.
                new LanguageOnScreen(LanguagePacks.installed(dir.languages())), task -> { }, Runnable::run, id -> { });
        stage.setScene(new EnrolmentView(model).scene(1366, 768));
        stage.show();
    }

    @Test
    void thePackInstalledWithTheKioskIsOfferedBeforeEnrolment(FxRobot robot) {
        assertEquals(List.of("Tiếng Việt", "English", "Xtest"), robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> b.getId() != null && b.getId().startsWith("lang-")).map(Button::getText).toList());
        assertEquals("Cán bộ đặt mã PIN (4 đến 8 chữ số)", title(robot));

        robot.clickOn("#lang-x-test");
        assertEquals("XT choose-PIN XT", title(robot), "the pack's own string");
        assertEquals("Đăng ký máy ki-ốt", robot.lookup("#enrol-title").queryAs(Label.class).getText(),
                "a string the pack lacks is Vietnamese");

        assertEquals(List.of(), Truncation.find(stage.getScene().getRoot(), 1366, 768),
                "a third language button still leaves every label whole at 1366×768");

        robot.clickOn("#lang-en");
        assertEquals("Staff: choose a PIN (4 to 8 digits)", title(robot));
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#enrol-step-pin .title").queryAs(Label.class).getText();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
