package vn.giadinhso.kiosk.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * bench-startup's baseline: the least a JavaFX window costs on this machine (one label, full
 * screen, same fonts), launched the same way as the kiosk, so the kiosk's start-up and memory are
 * read as ratios to it. Run with {@code -Dgiadinhso.bench=true -cp giadinhso-kiosk.jar}.
 */
public final class BenchBaselineWindow {

    private BenchBaselineWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself; public for JavaFX's launcher. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("Gia Đình Số")), 1920, 1080);
            stage.setScene(scene);
            BenchProbe.firstFrame(scene);
            stage.setFullScreen(true);
            stage.show();
        }
    }
}
