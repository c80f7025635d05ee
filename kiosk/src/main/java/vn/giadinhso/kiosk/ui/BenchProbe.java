package vn.giadinhso.kiosk.ui;

import java.io.InputStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import vn.giadinhso.kiosk.hardware.KioskReader;

/**
 * What {@code bench-startup} and {@code bench-soak} read from a kiosk they launched: one line when
 * the first frame of a screen is laid out and drawn, and a line per 1,000 scans once the screen has
 * handled them. Off unless the JVM runs with {@code -Dgiadinhso.bench=true}; a kiosk never sets it.
 */
final class BenchProbe {

    private BenchProbe() {
    }

    static boolean on() {
        return Boolean.getBoolean("giadinhso.bench");
    }

    /** Prints {@code bench: first-frame} after the scene's first pulse (layout, then the frame is drawn). */
    static void firstFrame(Scene scene) {
        if (!on()) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The render of this pulse follows the layout; the next runLater runs after it.
            Platform.runLater(() -> line("bench: first-frame"));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Feeds stdin to the simulated reader and reports each 1,000 frames after the screen took them. */
    static void soak(KioskReader reader, InputStream in) {
        if (!on() || reader == null || !reader.simulated()) {
            return;
        }
        long[] reported = {0};
        reader.addStateListener(state -> {
            long frames = state.frameCount();
            if (frames / 1000 > reported[0]) {
                reported[0] = frames / 1000;
                // Queued behind the scans the reader handed to the UI thread, so printed after them.
                Platform.runLater(() -> line("bench: frames " + frames));
            }
        });
        reader.pumpFrom(in);
    }

    private static void line(String text) {
        System.out.println(text);
        System.out.flush();
    }
}
