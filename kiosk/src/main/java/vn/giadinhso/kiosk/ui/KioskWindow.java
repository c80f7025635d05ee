package vn.giadinhso.kiosk.ui;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.enrol.Enroller;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.FrameDecoder;
import vn.giadinhso.kiosk.hardware.HardwareProfile;
import vn.giadinhso.kiosk.hardware.HardwareProfileReader;
import vn.giadinhso.kiosk.hardware.KioskReader;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.language.LanguagePacks;
import vn.giadinhso.kiosk.screen.EnrolmentModel;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.LanguageOnScreen;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.speech.EspeakVoice;
import vn.giadinhso.kiosk.speech.Voice;

/**
 * The touchscreen app: full screen, no window chrome, no exit key; staff leave full screen (or,
 * under a kiosk compositor, restart the kiosk: {@link KioskSession}).
 * Not enrolled yet: the enrolment screen first. The reader (or the demo's simulated reader)
 * starts before either, so an enrolment code's QR can be scanned too.
 */
public final class KioskWindow extends Application {

    static final int MAX_PIN_TRIES = 5;
    static final Duration PIN_LOCKOUT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(KioskWindow.class);

    private KioskApp app;
    private KioskReader reader;
    private KioskLog log;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-enrol");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) throws Exception {
        KioskLauncher.Options o = KioskLauncher.options();
        KioskDataDir dir = new KioskDataDir(o.dataDir());
        log = KioskLog.writeTo(dir.path());
        // A bug in a handler must reach the log a support person reads, not a console nobody sees.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> LOG.error("uncaught on {}", thread.getName(), e));
        LOG.info("kiosk {} starting, data in {}", KioskApp.VERSION, dir.path());
        StaffPin pin = staffPin(dir, Clock.systemUTC());
        if (o.staffPin() != null && !pin.isSet()) {
            pin.choose(o.staffPin()); // the demo presets it; a real kiosk chooses it at enrolment
        }
        reader = openReader(o);
        if (reader != null) {
            reader.start();
        }
        stage.setTitle("Gia Đình Số");
        if (dir.enrolled()) {
            showKiosk(stage, o, dir, pin);
        } else {
            EnrolmentModel enrolment = new EnrolmentModel(dir, pin, new Enroller(HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()),
                    Optional.ofNullable(o.hub()), new LanguageOnScreen(LanguagePacks.installed(dir.languages())),
                    background, Platform::runLater, id -> {
                        try {
                            showKiosk(stage, o, dir, pin);
                        } catch (Exception e) {
                            throw new IllegalStateException("enrolled, but the kiosk cannot start: " + e.getMessage(), e);
                        }
                    });
            if (reader != null) {
                reader.routeTo(frame -> {
                    String text = reader.text(frame);
                    Platform.runLater(() -> enrolment.scanned(text));
                });
            }
            Rectangle2D size = sceneSize(screenBounds(stage), o.fullScreen());
            stage.setScene(new EnrolmentView(enrolment).scene(size.getWidth(), size.getHeight()));
        }
        if (o.fullScreen()) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            // Placed and sized by hand too: under a plain X server (no window manager) full screen
            // does nothing, and the window kept its scene's size wherever it was put.
            cover(stage, screenBounds(stage));
            stage.setFullScreen(true);
        }
        stage.show();
        LOG.info("window {}×{} at ({}, {}) on a screen of {}×{}", (int) stage.getWidth(), (int) stage.getHeight(),
                (int) stage.getX(), (int) stage.getY(), (int) screenBounds(stage).getWidth(),
                (int) screenBounds(stage).getHeight());
    }

    /**
     * The visual bounds of the screen the window is on (the primary screen until it is placed):
     * the kiosk fills that screen at whatever resolution it has. It used to be a fixed 1920×1080
     * scene, which on a 1366×768 screen sat at (−277, −104) with the top and left cut off.
     */
    static Rectangle2D screenBounds(Stage stage) {
        boolean placed = !Double.isNaN(stage.getX()) && !Double.isNaN(stage.getWidth()) && stage.getWidth() > 0;
        List<Screen> on = placed ? Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(),
                Math.max(1, stage.getHeight())) : List.of();
        return (on.isEmpty() ? Screen.getPrimary() : on.get(0)).getVisualBounds();
    }

    /** Full screen: the screen's size. A window (development): 1920×1080 at most, within the screen. */
    static Rectangle2D sceneSize(Rectangle2D screen, boolean fullScreen) {
        return fullScreen ? new Rectangle2D(0, 0, screen.getWidth(), screen.getHeight())
                : new Rectangle2D(0, 0, Math.min(1920, screen.getWidth()), Math.min(1080, screen.getHeight()));
    }

    private static void cover(Stage stage, Rectangle2D screen) {
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    /** The staff PIN of this data dir, with the lockout every kiosk uses. */
    static StaffPin staffPin(KioskDataDir dir, Clock clock) {
        return new StaffPin(new StaffPinFile(dir.path()), MAX_PIN_TRIES, PIN_LOCKOUT, clock);
    }

    private void showKiosk(Stage stage, KioskLauncher.Options o, KioskDataDir dir, StaffPin pin) throws Exception {
        app = KioskApp.open(dir, o.settings(), Clock.systemUTC());
        app.start();
        KioskScreenModel model = app.screens(pin, PhoneSteps.national(), o.idleAfter(),
                ZoneId.of("Asia/Ho_Chi_Minh"));
        // Sync runs on its own thread; the screen follows what it brings on the UI thread.
        app.onDataChanged(() -> Platform.runLater(model::dataChanged));
        if (reader != null) {
            connect(reader, app, model);
        }
        KioskRoot root = new KioskRoot(model, stage, reader != null && reader.simulated() ? o.demoCards() : List.of(),
                payload -> reader.simulateScan(payload), voice(dir), o.session(), () -> {
                    LOG.info("restart asked on the staff screen: ending with exit code {} for the {} to start again",
                            KioskSession.RESTART_EXIT_CODE, o.session());
                    Platform.exit();
                });
        Rectangle2D screen = screenBounds(stage);
        Rectangle2D size = sceneSize(screen, o.fullScreen());
        stage.setScene(root.scene(size.getWidth(), size.getHeight()));
        BenchProbe.firstFrame(stage.getScene());
        BenchProbe.soak(reader, System.in);
        if (o.fullScreen() && stage.isShowing()) { // after enrolment; start() places a window not shown yet
            cover(stage, screen);
            stage.setFullScreen(true);
        }
    }

    /**
     * espeak-ng if installed, rendering into the data dir's {@code audio/} (generated, never
     * shipped), played by JavaFX media; otherwise, or with no sound card, text only.
     */
    private Voice voice(KioskDataDir dir) {
        Optional<String> espeak = EspeakVoice.find();
        WavPlayer player = new WavPlayer(LOG::warn);
        if (espeak.isEmpty()) {
            LOG.warn("espeak-ng not found: instructions are shown, and spoken only where a language pack recorded them"
                    + " (apt install espeak-ng)");
            return new Voice() {
                @Override
                public void say(String text, String voice) {
                }

                @Override
                public void play(List<java.nio.file.Path> recordings) {
                    player.playAll(recordings);
                }
            };
        }
        EspeakVoice voice = new EspeakVoice(espeak.get(), dir.path().resolve("audio"), background, player,
                player::playAll);
        // The instructions every resident hears first are rendered before anyone arrives.
        for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            Texts t = Texts.of(l);
            voice.prepare(t.get("welcome.title") + " " + t.get("welcome.hint"), l);
            voice.prepare(t.get("idle.question") + " " + t.get("idle.stay.spoken"), l);
            voice.prepare(t.get("support.title") + " " + t.get("support.spoken"), l);
        }
        return voice;
    }

    /**
     * Frames from the reader to the kiosk: decoded on the reader's thread, handed to the UI
     * thread (the screen model is single-threaded). The reader's state goes to the app, which
     * records reader.error events and feeds the indicator and the heartbeat.
     */
    static void connect(KioskReader reader, KioskApp app, KioskScreenModel model) {
        FrameDecoder decoder = new FrameDecoder(reader.profile(), app.classifier);
        reader.routeTo(frame -> {
            Identification id = decoder.decode(frame);
            Platform.runLater(() -> model.scanned(id));
        });
        reader.addStateListener(app::readerChanged);
        app.readerChanged(reader.state());
    }

    private static KioskReader openReader(KioskLauncher.Options o) throws Exception {
        if (o.profile() != null) {
            HardwareProfile profile = new HardwareProfileReader().read(o.profile());
            return KioskReader.of(profile, Optional.ofNullable(o.port()));
        }
        // The demo "scans" through a simulated reader: the same framer, decoder and lookup as a real one.
        return o.demoCards().isEmpty() ? null : KioskReader.of(KioskReader.simulatedProfile(), Optional.empty());
    }

    @Override
    public void stop() {
        background.shutdownNow();
        if (reader != null) {
            reader.close();
        }
        if (app != null) {
            app.close();
        }
        LOG.info("kiosk stopped");
        if (log != null) {
            log.close();
        }
    }
}
