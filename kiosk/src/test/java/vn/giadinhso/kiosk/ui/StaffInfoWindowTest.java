package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
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
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.e2e.RealHub;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/** What staff read on the kiosk's info screen when the hub refused events, or the hub address is plain http. */
@ExtendWith(ApplicationExtension.class)
class StaffInfoWindowTest {

    static Path tmp;
    static RealHub hub;
    Stage stage;
    KioskApp app;

    @BeforeAll
    static void hub() throws Exception {
        tmp = Files.createTempDirectory("kiosk-staff-info");
        hub = new RealHub(tmp.resolve("hub"));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.setScene(null)).get();
        if (app != null) {
            app.close();
        }
    }

    /** Opens the window on {@code data}'s kiosk and goes to the staff screen with the staff PIN. */
    private void staffScreen(FxRobot robot, Path data) throws Exception {
        StaffPin pin = new StaffPin(new StaffPinFile(data), 3, Duration.ofMinutes(5), Clock.systemUTC());
        pin.choose("2468");
        KioskScreenModel model = app.screens(pin, PhoneSteps.national(), Duration.ofSeconds(60),
                ZoneId.of("Asia/Ho_Chi_Minh"));
        WaitForAsyncUtils.asyncFx(() -> {
            KioskRoot root = new KioskRoot(model, stage, List.of(), text -> { }, (text, locale) -> { });
            stage.setScene(root.scene(1366, 768));
            stage.show();
        }).get();
        robot.clickOn("#staff");
        for (String k : List.of("2", "4", "6", "8", "OK")) {
            robot.clickOn("#pin-" + k);
        }
        assertTrue(robot.lookup("#kiosk-info").tryQuery().isPresent());
    }

    @Test
    void staffSeeHowManyEventsTheHubRefused(FxRobot robot) throws Exception {
        Path data = hub.enrolledDataDir(tmp);
        app = KioskApp.open(new KioskDataDir(data),
                new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(200)), Clock.systemUTC());
        app.outbox.append("Not A Type", "{}");
        app.events.supportRequested("other", null, null);
        app.sender.start();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> app.outbox.backlog() == 0 && app.sender.status().quarantined() == 1);
        staffScreen(robot, data);
        assertEquals("Sự kiện máy chủ từ chối, đã cất riêng (không gửi lại): 1. Xem nhật ký của máy để biết lý do.",
                robot.lookup("#staff-quarantined").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#staff-insecure-hub").tryQuery().isPresent());
    }

    @Test
    void staffAreToldAKioskWithAPlainHttpHubDoesNotSync(FxRobot robot) throws Exception {
        Path data = hub.enrolledDataDir(tmp);
        KioskDataDir dir = new KioskDataDir(data);
        KioskIdentity id = dir.require();
        dir.write(new KioskIdentity(id.kioskId(), URI.create("http://192.168.1.10:7070"), id.token(), id.hubPublicKey(),
                id.memberKeys(), id.hubSealingKey(), id.supportPointId(), id.communeId(), id.hubPublicKeys()));
        app = KioskApp.open(dir, new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)),
                Clock.systemUTC());
        app.start();
        staffScreen(robot, data);
        assertEquals("Máy không đồng bộ: địa chỉ máy chủ dùng http:// không mã hóa trên mạng, sẽ làm lộ mã bí mật của"
                + " máy. Xin đăng ký lại máy với địa chỉ https://.",
                robot.lookup("#staff-insecure-hub").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#staff-quarantined").tryQuery().isPresent());
    }

    @Test
    void staffAreToldTheKioskNeedsAnUpdateWhenTheHubRefusesItsProtocol(FxRobot robot) throws Exception {
        Path data = hub.enrolledDataDir(tmp);
        io.javalin.Javalin newerHub = vn.giadinhso.hub.web.HubHttp.create(hub.hub, "test", null,
                vn.giadinhso.hub.web.ClientAddress.none(), vn.giadinhso.protocol.KioskProtocol.CURRENT + 1)
                .start("127.0.0.1", 0);
        try {
            KioskDataDir dir = new KioskDataDir(data);
            KioskIdentity id = dir.require();
            dir.write(new KioskIdentity(id.kioskId(), URI.create("http://127.0.0.1:" + newerHub.port()), id.token(),
                    id.hubPublicKey(), id.memberKeys(), id.hubSealingKey(), id.supportPointId(), id.communeId(),
                    id.hubPublicKeys()));
            app = KioskApp.open(dir, new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)),
                    Clock.systemUTC());
            app.events.supportRequested("other", null, null);
            assertTrue(app.syncQuietly().isPresent());
            app.sender.start();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.sender.status().lastError() != null);
            staffScreen(robot, data);
            assertEquals("Phần mềm ki-ốt cũ hơn máy chủ cho phép: cần cập nhật. Máy vẫn giữ 1 sự kiện chờ gửi, không mất"
                    + " sự kiện nào; sau khi cập nhật, máy tự gửi.",
                    robot.lookup("#staff-update-required").queryAs(Label.class).getText());
            assertFalse(robot.lookup("#staff-quarantined").tryQuery().isPresent());
        } finally {
            newerHub.stop();
        }
    }
}
