package vn.giadinhso.kiosk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.e2e.RealHub;

/**
 * bench-drain on a tiny backlog against a real hub: it enrols, prints a line per round and setting
 * and a summary with the drain/hub ratio, and every event it made (plain baseline, offline backlog
 * and the scans during the drain) is at the hub. No timing is asserted: the figures are the bench's.
 */
class BenchDrainTest {

    @TempDir
    Path tmp;

    @Test
    void printsTheDrainAgainstTheHubsPlainIngestAndEveryEventArrives() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = KioskMain.run(new String[] {"bench-drain", "--data", tmp.resolve("kiosk").toString(),
                "--hub", hub.uri().toString(), "--code", hub.enrolmentCode(), "--events", "1500", "--rounds", "2",
                "--warmup", "0", "--senders", "3x1000,1x500"}, new PrintWriter(out), new PrintWriter(err));
            String text = out.toString();
            assertEquals(0, code, text + err);
            for (String line : new String[] {"round 1 3×1000", "round 1 1×500", "round 2 3×1000", "round 2 1×500",
                "summary 3×1000", "summary 1×500"}) {
                assertTrue(text.contains(line), "no line \"" + line + "\" in:\n" + text);
            }
            assertTrue(text.contains("drain/hub"), text);
            String kioskId = new vn.giadinhso.kiosk.enrol.KioskDataDir(tmp.resolve("kiosk")).require().kioskId();
            int identified = hub.events(kioskId, "identified").size();
            // Two plain rounds and four drains of 1,500, plus the scans made during and before each drain.
            assertTrue(identified >= 6 * 1500, identified + " identified events at the hub");
        }
    }
}
