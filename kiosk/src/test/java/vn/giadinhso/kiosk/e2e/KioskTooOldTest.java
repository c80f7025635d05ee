package vn.giadinhso.kiosk.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.hub.web.ClientAddress;
import vn.giadinhso.hub.web.HubHttp;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.enrol.KioskIdentity;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.ui.Texts;
import vn.giadinhso.protocol.KioskProtocol;

/**
 * A commune upgrades its hub to one that no longer serves this kiosk's protocol (played by the
 * real hub's data served with its oldest protocol raised past {@link KioskProtocol#CURRENT}): the
 * kiosk's real classes get a clear refusal, staff read "cần cập nhật", and every event stays in
 * the outbox; once the kiosk is served again (updated and restarted), all of them arrive, once.
 */
class KioskTooOldTest {
    private static final KioskSettings SETTINGS =
            new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(200));

    @Test
    void aKioskTooOldForTheHubTellsStaffKeepsItsEventsAndSendsThemOnceServedAgain(@TempDir Path tmp) throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            KioskDataDir dir = new KioskDataDir(data);
            URI servedHub = dir.require().hub();
            Javalin newerHub = HubHttp.create(hub.hub, "test", null, ClientAddress.none(), KioskProtocol.CURRENT + 1)
                    .start("127.0.0.1", 0);
            List<String> ids = new ArrayList<>();
            String kioskId;
            try {
                pointAt(dir, URI.create("http://127.0.0.1:" + newerHub.port()));
                try (KioskLog log = KioskLog.writeTo(data);
                     KioskApp app = KioskApp.open(dir, SETTINGS, Clock.systemUTC())) {
                    kioskId = app.identity.kioskId();
                    for (int i = 1; i <= 3; i++) {
                        ids.add(app.events.statusViewed("AT-TH1-000" + i, i, 6).id());
                    }
                    String syncProblem = app.syncQuietly().orElseThrow();
                    assertTrue(syncProblem.contains("update the kiosk software"), syncProblem);
                    app.sender.start();
                    await().atMost(Duration.ofSeconds(20)).until(() -> app.sender.status().lastError() != null);
                    // It keeps trying (with its back-off) and keeps every event: nothing quarantined, nothing lost.
                    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                            .until(() -> app.outbox.backlog() == 3 && app.outbox.quarantineSize() == 0);
                    assertTrue(app.updateRequired().isPresent());
                    assertEquals(KioskProtocol.CURRENT + 1, app.updateRequired().get().minProtocol());

                    KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(data), 3,
                            Duration.ofMinutes(5), Clock.systemUTC()), PhoneSteps.national(), Duration.ofSeconds(60),
                            ZoneId.of("Asia/Ho_Chi_Minh"));
                    assertTrue(model.staff().health().updateRequired());
                    assertEquals(3, model.staff().health().backlog());
                }
                assertEquals(List.of(), hub.events(kioskId, null), "the hub took nothing from a kiosk it does not serve");
                String text = Files.readString(KioskLog.file(data), StandardCharsets.UTF_8);
                assertTrue(text.contains("update the kiosk software (its events are kept until then)"), text);
            } finally {
                newerHub.stop();
            }

            // Updated: the kiosk restarts against a hub that serves it; the outbox drains, each event once.
            pointAt(dir, servedHub);
            try (KioskApp app = KioskApp.open(dir, SETTINGS, Clock.systemUTC())) {
                assertEquals(3, app.outbox.backlog(), "the events survived the restart");
                assertTrue(app.syncQuietly().isEmpty());
                app.sender.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)));
                assertFalse(app.updateRequired().isPresent());
            }
            assertEquals(ids, hub.events(kioskId, null).stream().map(StoredEvent::id).toList());
        }
        assertTrue(Texts.of(Locale.forLanguageTag("vi")).get("staff.updateRequired", 3)
                .startsWith("Phần mềm ki-ốt cũ hơn máy chủ cho phép: cần cập nhật."));
        assertTrue(Texts.of(Locale.ENGLISH).get("staff.updateRequired", 3)
                .startsWith("The kiosk software is older than the hub allows: update needed."));
    }

    private static void pointAt(KioskDataDir dir, URI hub) throws java.io.IOException {
        KioskIdentity id = dir.require();
        dir.write(new KioskIdentity(id.kioskId(), hub, id.token(), id.hubPublicKey(), id.memberKeys(),
                id.hubSealingKey(), id.supportPointId(), id.communeId(), id.hubPublicKeys()));
    }
}
