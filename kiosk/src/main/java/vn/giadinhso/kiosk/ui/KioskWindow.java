package vn.giadinhso.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.ChannelOpener;
import vn.giadinhso.kiosk.hardware.FrameDecoder;
import vn.giadinhso.kiosk.hardware.HardwareProfile;
import vn.giadinhso.kiosk.hardware.HardwareProfileReader;
import vn.giadinhso.kiosk.hardware.SerialChannelOpener;
import vn.giadinhso.kiosk.hardware.SimulatedReader;
import vn.giadinhso.kiosk.hardware.SupervisedReader;
import vn.giadinhso.kiosk.hardware.Transport;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;

/** The touchscreen app: full screen, no window chrome, no exit key; staff leave full screen. */
public final class KioskWindow extends Application {

    private KioskApp app;
    private SupervisedReader reader;

    @Override
    public void start(Stage stage) throws Exception {
        KioskLauncher.Options o = KioskLauncher.options();
        app = KioskApp.open(new KioskDataDir(o.dataDir()), o.settings(), Clock.systemUTC());
        app.start();
        KioskScreenModel model = new KioskScreenModel(app,
                new StaffPin(o.staffPin(), 5, Duration.ofMinutes(5), app.clock), PhoneSteps.national(), o.idleAfter(),
                ZoneId.of("Asia/Ho_Chi_Minh"));
        KioskRoot root = new KioskRoot(model, stage, o.demoCards());
        if (o.profile() != null) {
            reader = startReader(o, model);
        }
        stage.setTitle("Gia Đình Số");
        stage.setScene(root.scene(1920, 1080));
        if (o.fullScreen()) {
            stage.initStyle(StageStyle.UNDECORATED);
            stage.setFullScreenExitHint("");
            stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
            stage.setFullScreen(true);
        }
        stage.show();
    }

    private SupervisedReader startReader(KioskLauncher.Options o, KioskScreenModel model) throws Exception {
        HardwareProfile profile = new HardwareProfileReader().read(o.profile());
        FrameDecoder decoder = new FrameDecoder(profile, app.classifier);
        ChannelOpener opener = profile.transport() == Transport.SIMULATED ? new SimulatedReader(profile.id())
                : new SerialChannelOpener(profile, Optional.ofNullable(o.port()));
        SupervisedReader r = new SupervisedReader(profile.id(), opener, profile.framing(),
                frame -> {
                    var id = decoder.decode(frame);
                    Platform.runLater(() -> model.scanned(id));
                });
        r.addStateListener(app::readerChanged);
        r.start();
        return r;
    }

    @Override
    public void stop() {
        if (reader != null) {
            reader.close();
        }
        if (app != null) {
            app.close();
        }
    }
}
