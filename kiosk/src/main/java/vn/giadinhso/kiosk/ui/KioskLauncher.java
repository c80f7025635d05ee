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
     */
    public record Options(Path dataDir, KioskSettings settings, Duration idleAfter, boolean fullScreen,
            Path profile, String port, URI hub, String staffPin, List<DemoCard> demoCards) {
    }

    private static volatile Options options;

    private KioskLauncher() {
    }

    public static int launch(Options chosen) {
        options = chosen;
        Application.launch(KioskWindow.class);
        return 0;
    }

    static Options options() {
        return options;
    }
}
