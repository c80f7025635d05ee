package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.identity.MemberKeyRotation;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;

/** The hub rotates the commune's hashing key; an enrolled kiosk keeps working after its next sync. */
class KeyRotationTest {
    private static final KioskSettings QUIET = new KioskSettings(Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofSeconds(1));

    @TempDir
    Path tmp;

    @Test
    void aKioskNotReEnrolledFindsMembersAfterRotationAndItsOlderSealedCheckInCountsOnce() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            String card = RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An");
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), QUIET, Clock.systemUTC())) {
                assertEquals(Optional.empty(), app.syncQuietly());
                ScanOutcome before = app.scan(card);
                assertEquals(ScanResult.FOUND, before.result());
                // Sealed under version 1, still in the outbox when the hub rotates.
                assertEquals(CheckIn.Outcome.CHECKED_IN, app.attendance.checkIn("s-today", before).outcome());

                var rotated = new MemberKeyRotation(hub.hub.db, hub.hub.secrets).rotate(RealHub.COMMUNE);
                assertEquals(2, rotated.toVersion());

                assertEquals(Optional.empty(), app.syncQuietly());
                assertEquals(2, app.memberKeys.currentVersion());
                assertEquals(2, MemberKeyring.parse(Files.readString(data.resolve("member-keys"))).currentVersion(),
                        "the new chain is saved for the next start");
                ScanOutcome after = app.scan(card);
                assertEquals(ScanResult.FOUND, after.result());
                assertEquals("AT-TH1-0001", after.householdCode());
                assertEquals(CheckIn.Outcome.ALREADY_CHECKED_IN, app.attendance.checkIn("s-today", after).outcome());

                app.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "outbox drained");
                String current = hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.MEMBER_ID);
                List<StoredEvent> checkIns = hub.events(app.identity.kioskId(), "attendance.checked_in");
                assertEquals(1, checkIns.size());
                assertTrue(checkIns.get(0).payload().contains(current), "brought forward to version 2");
                for (StoredEvent e : hub.events(app.identity.kioskId(), "identified")) {
                    assertTrue(e.payload().contains(current), e.payload());
                }
                int counted = hub.hub.db.reader().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM attendance WHERE session_id = 's-today'").mapTo(Integer.class).one());
                assertEquals(1, counted);
            }
            // After a restart the kiosk reads the saved chain.
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), QUIET, Clock.systemUTC())) {
                assertEquals(2, app.memberKeys.currentVersion());
                assertEquals(ScanResult.FOUND, app.scan(card).result());
            }
        }
    }
}
