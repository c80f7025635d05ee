package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.identity.HouseholdCard;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;

/** A household card's life against a real hub: issued, revoked (lost), reprinted; the signing key rotated. */
class HouseholdCardLifecycleTest {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final KioskSettings SETTINGS = new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1));

    @TempDir
    Path tmp;

    private Path enrol(RealHub hub) {
        Path data = tmp.resolve("kiosk");
        assertEquals(0, KioskEndToEndTest.cli("enrol", "--data", data.toString(), "--hub", hub.uri().toString(),
                "--code", hub.enrolmentCode()));
        return data;
    }

    private KioskScreenModel screen(KioskApp app, Clock clock) {
        return app.screens(new StaffPin(new StaffPinFile(tmp.resolve("pin")), 3, Duration.ofMinutes(5),
                clock), PhoneSteps.national(), Duration.ofSeconds(60), VIETNAM);
    }

    @Test
    void aRevokedCardIsRefusedAfterTheKiosksNextSyncAndTheReprintWorks() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = enrol(hub);
            String lost = hub.householdQr("AT-TH1-0001");
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                assertEquals(Optional.empty(), app.syncQuietly());
                assertEquals(ScanResult.FOUND, app.scan(lost).result());

                hub.hub.cards.revoke("AT-TH1-0001");
                assertEquals(ScanResult.FOUND, app.scan(lost).result(), "offline, the kiosk knows nothing yet");
                assertEquals(Optional.empty(), app.syncQuietly());

                ScanOutcome refused = app.scan(lost);
                assertEquals(ScanResult.REVOKED, refused.result());
                assertTrue(refused.household().isEmpty(), "the household is not shown");
                KioskScreenModel model = screen(app, Clock.systemUTC());
                model.scanned(lost);
                assertEquals(Screen.CARD_REVOKED, model.screen());

                String reprint = hub.householdQr("AT-TH1-0001");
                assertEquals(2, ((HouseholdCard) app.classifier.identify(reprint)).serial());
                ScanOutcome accepted = app.scan(reprint);
                assertEquals(ScanResult.FOUND, accepted.result());
                assertEquals("AT-TH1-0001", accepted.household().orElseThrow().code());
                model.scanned(reprint);
                assertEquals(Screen.STATUS, model.screen());
                // Another household's card is not affected.
                assertEquals(ScanResult.FOUND, app.scan(hub.householdQr("AT-TH1-0002")).result());

                app.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "outbox drained");
                List<StoredEvent> identified = hub.events(app.identity.kioskId(), "identified");
                assertTrue(identified.stream().anyMatch(e -> e.payload().contains("REVOKED")),
                        "the hub sees the refused scan");
            }
            // The revocation survives a restart of the kiosk.
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                assertEquals(ScanResult.REVOKED, app.scan(lost).result());
            }
        }
    }

    @Test
    void afterKeyRotationKioskLearnsTheNewKeyBySyncAndRefusesOldCardsAfterTheirDate() throws Exception {
        Path hubDir = tmp.resolve("hub");
        RealHub first = new RealHub(hubDir);
        int port = first.http.port();
        Path data = enrol(first);
        String oldCard = first.householdQr("AT-TH1-0001");
        assertTrue(oldCard.startsWith("GDS2|1|"), oldCard);
        first.close();

        LocalDate validUntil = LocalDate.now(VIETNAM).plusDays(30);
        HubSecrets.rotateSigningKey(HubSecrets.fileFor(hubDir.resolve("hub.db")), validUntil);
        try (RealHub hub = RealHub.reopen(hubDir, port)) {
            String newCard = hub.householdQr("AT-TH1-0001");
            assertTrue(newCard.startsWith("GDS2|2|"), newCard);
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                ScanOutcome unknownKey = app.scan(newCard);
                assertEquals(ScanResult.INVALID, unknownKey.result(), "key 2 is not known before a sync");
                assertEquals(Optional.empty(), app.syncQuietly());
                assertEquals(ScanResult.FOUND, app.scan(newCard).result());
                assertEquals(ScanResult.FOUND, app.scan(oldCard).result(), "old cards stay valid until the date");
            }
            // The kiosk's clock passes the date: no sync needed, the dates came with the keys.
            Clock later = Clock.fixed(validUntil.plusDays(1).atStartOfDay(VIETNAM).plusHours(9).toInstant(), VIETNAM);
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, later)) {
                ScanOutcome expired = app.scan(oldCard);
                assertEquals(ScanResult.EXPIRED, expired.result());
                assertTrue(expired.household().isEmpty());
                HouseholdCard card = (HouseholdCard) app.classifier.identify(oldCard);
                assertTrue(card.errors().get(0).contains("thẻ đã hết hạn — xin cấp thẻ mới"), card.errors().toString());
                KioskScreenModel model = screen(app, later);
                model.scanned(oldCard);
                assertEquals(Screen.CARD_EXPIRED, model.screen());
                assertEquals(ScanResult.FOUND, app.scan(newCard).result());
            }
            Clock onTheDay = Clock.fixed(validUntil.atStartOfDay(VIETNAM).plusHours(20).toInstant(), VIETNAM);
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, onTheDay)) {
                assertEquals(ScanResult.FOUND, app.scan(oldCard).result(), "valid through the last day");
            }
        }
    }
}
