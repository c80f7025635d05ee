package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.KioskLog;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.outbox.Outbox;

/**
 * Against a real hub: an event it refuses (a 400 naming the event) is set aside in the kiosk's
 * quarantine table instead of blocking the outbox forever; the rest arrive exactly once.
 */
class QuarantineTest {

    private static final KioskSettings SETTINGS =
            new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofMillis(200));

    @Test
    void anEventTheHubRefusesIsQuarantinedTheOthersArriveOnceAndTheQuarantineSurvivesARestart(@TempDir Path tmp)
            throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            List<String> good = new ArrayList<>();
            String bad;
            String kioskId;
            try (KioskLog log = KioskLog.writeTo(data);
                 KioskApp app = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                kioskId = app.identity.kioskId();
                for (int i = 0; i < 3; i++) {
                    good.add(app.events.statusViewed("AT-TH1-000" + (i + 1), i, 10).id());
                }
                // A type the hub's reader refuses (not dotted lower-case words): a 400 naming events[3].
                bad = app.outbox.append("Not A Type", "{\"note\":\"kept\"}").id();
                for (int i = 0; i < 3; i++) {
                    good.add(app.events.supportRequested("other", null, null).id());
                }
                app.sender.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "the bad event does not block the rest");

                List<Outbox.Quarantined> q = app.outbox.quarantined();
                assertEquals(1, q.size());
                assertEquals(bad, q.get(0).event().id());
                assertEquals(400, q.get(0).status());
                assertTrue(q.get(0).reason().startsWith("events[3] (id " + bad + "): field \"type\""), q.get(0).reason());
            }
            assertEquals(good, hub.events(kioskId, null).stream().map(StoredEvent::id).toList(),
                    "every other event arrived, in order, exactly once");

            String text = Files.readString(KioskLog.file(data), StandardCharsets.UTF_8);
            assertTrue(text.contains("event " + bad + " (Not A Type) quarantined: the hub refused it with HTTP 400: events[3]"),
                    text);
            assertTrue(!text.contains("\"note\""), "the payload is not logged");

            try (KioskApp again = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                List<Outbox.Quarantined> q = again.outbox.quarantined();
                assertEquals(1, q.size(), "kept across a restart");
                assertEquals("{\"note\":\"kept\"}", q.get(0).event().payload());
                assertEquals("Not A Type", q.get(0).event().type());
                String after = again.events.supportRequested("other", null, null).id();
                again.sender.start();
                assertTrue(again.sender.awaitEmpty(Duration.ofSeconds(20)));
                assertEquals(1, again.outbox.quarantineSize(), "not sent again");
                assertEquals(after, hub.events(kioskId, null).get(good.size()).id());
                again.recordHeartbeat();
                assertTrue(again.sender.awaitEmpty(Duration.ofSeconds(20)));
                List<StoredEvent> beats = hub.events(kioskId, "heartbeat");
                assertTrue(beats.get(beats.size() - 1).payload().contains("\"quarantined\":1"), beats.toString());
            }

            // The operator's view: one line per event, without the payload; then put it back.
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            assertEquals(0, KioskMain.run(new String[] {"quarantine", "--data", data.toString()}, new PrintWriter(out),
                    new PrintWriter(err)), err.toString());
            List<String> lines = out.toString().lines().toList();
            assertEquals(2, lines.size(), out.toString());
            assertTrue(lines.get(0).startsWith(bad + "  Not A Type  "), lines.get(0));
            assertTrue(lines.get(0).contains("  HTTP 400  events[3] (id " + bad + "): field \"type\""), lines.get(0));
            assertTrue(!out.toString().contains("note"), "no payload");
            assertEquals("1 event(s) in quarantine", lines.get(1));
            out.getBuffer().setLength(0);
            assertEquals(0, KioskMain.run(new String[] {"quarantine", "--data", data.toString(), "--release", bad},
                    new PrintWriter(out), new PrintWriter(err)), err.toString());
            assertEquals("1 event(s) put back in the outbox; 0 left in quarantine", out.toString().strip());
            try (KioskApp released = KioskApp.open(new KioskDataDir(data), SETTINGS, Clock.systemUTC())) {
                assertEquals(0, released.outbox.quarantineSize());
                assertEquals(bad, released.outbox.oldest(10).get(0).id(), "back in the outbox, same id");
            }
        }
    }
}
