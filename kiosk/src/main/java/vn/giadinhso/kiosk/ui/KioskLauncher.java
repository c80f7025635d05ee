package vn.giadinhso.kiosk.ui;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import vn.giadinhso.kiosk.KioskSettings;

/**
 * Starts the JavaFX window. A plain class: {@code Application.launch} from a fat jar works only
 * from a class that does not extend {@code Application}. JavaFX constructs the application
 * itself, so the options are handed over through one write-once field — the only static state.
 */
public final class KioskLauncher {

    /**
     * What the window needs: data dir, timings, screen mode, reader and demo cards.
     *
     * @param hub      prefills the enrolment screen's hub address; may be null
     * @param staffPin only the demo presets one; a real kiosk's staff choose it at enrolment
     * @param session  desktop or a compositor session (cage); says the process's exit code
     */
    public record Options(Path dataDir, KioskSettings settings, Duration idleAfter, boolean fullScreen,
            Path profile, String port, URI hub, String staffPin, List<DemoCard> demoCards, KioskSession session) {
    }

    private static volatile Options options;

    private KioskLauncher() {
    }

    public static int launch(Options chosen) {
        options = chosen;
        Application.launch(KioskWindow.class);
        // 75 after "Khởi động lại kiosk" under a compositor: the unit starts the kiosk again.
        return chosen.session().exitCode();
    }

    static Options options() {
        return options;
    }
}
