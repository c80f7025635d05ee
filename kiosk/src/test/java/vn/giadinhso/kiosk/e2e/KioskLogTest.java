package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.hardware.ReaderState;
import vn.giadinhso.kiosk.scan.ScanOutcome;

/**
 * The kiosk's log file tells a support person what happened (sync, hub errors, the reader) and
 * holds nothing about the residents who scanned their cards.
 */
class KioskLogTest {
    @Test
    void syncReaderAndHubTroubleAreLoggedButNoScannedCard(@TempDir Path tmp) throws Exception {
        RealHub hub = new RealHub(tmp.resolve("hub"));
        Path data = hub.enrolledDataDir(tmp);
        String card = RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An");
        try (KioskLog log = KioskLog.writeTo(data);
             KioskApp app = KioskApp.open(new KioskDataDir(data),
                     new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)), Clock.systemUTC())) {
            assertEquals(Optional.empty(), app.syncQuietly());
            app.readerChanged(new ReaderState("honeywell-1900", true, "/dev/ttyACM0", null, 0, 0, null));
            app.readerChanged(new ReaderState("honeywell-1900", false, null, null, 0, 1, "port /dev/ttyACM0 is gone"));
            ScanOutcome scan = app.scan(card);
            assertTrue(scan.household().isPresent(), "the member's card was recognised: " + scan);
            hub.close(); // the hub goes away: one line for it, not one per retry
            assertTrue(app.syncQuietly().isPresent());
            assertTrue(app.syncQuietly().isPresent());
        }
        String text = Files.readString(KioskLog.file(data), StandardCharsets.UTF_8);
        assertTrue(text.contains("sync: "), text);
        assertTrue(text.contains("reader honeywell-1900: connected on /dev/ttyACM0"), text);
        assertTrue(text.contains("reader honeywell-1900: not connected: port /dev/ttyACM0 is gone"), text);
        assertEquals(1, text.lines().filter(l -> l.contains("sync failed")).count(), text);
        assertFalse(text.contains(RealHub.MEMBER_ID), "no ID number in the log");
        assertFalse(text.contains("Nguyễn Văn An"), "no name in the log");
        assertFalse(text.contains(card), "no scanned payload in the log");
    }
}
