package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskMain;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;

/** Enrol against a real hub, sync, scan every kind of card, and see the events arrive. */
public class KioskEndToEndTest {

    @TempDir
    Path tmp;

    public static int cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KioskMain.run(args, new PrintWriter(out), new PrintWriter(err));
        if (code != 0) {
            System.err.println(out + "" + err);
        }
        return code;
    }

    @Test
    void enrolStoresIdentityWithOwnerOnlySecretsAndRefusesAReusedCode() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = tmp.resolve("kiosk");
            String code = hub.enrolmentCode();
            assertEquals(0, cli("enrol", "--data", data.toString(), "--hub", hub.uri().toString(), "--code", code));
            var id = new KioskDataDir(data).require();
            assertEquals(RealHub.POINT, id.supportPointId());
            assertEquals(RealHub.COMMUNE, id.communeId());
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(data.resolve("token")));
            assertFalse(Files.readString(data.resolve("kiosk.json")).contains(id.token()), "token kept apart");
            assertEquals(1, cli("enrol", "--data", tmp.resolve("k2").toString(), "--hub", hub.uri().toString(),
                    "--code", code), "a used code is refused");
        }
    }

    @Test
    void scansAreLookedUpOfflineAndReachTheHubWithoutAnyPlainIdNumber() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = tmp.resolve("kiosk");
            assertEquals(0, cli("enrol", "--data", data.toString(), "--hub", hub.uri().toString(),
                    "--code", hub.enrolmentCode()));
            KioskSettings fast = new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1));
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), fast, Clock.systemUTC())) {
                assertTrue(app.syncQuietly().isEmpty());
                assertEquals(30, app.roster.households());
                assertEquals("an-tuong", app.roster.criteriaSet().orElseThrow().communeId());

                ScanOutcome household = app.scan(hub.householdQr("AT-TH1-0001"));
                assertEquals(ScanResult.FOUND, household.result());
                assertEquals("AT-TH1-0001", household.householdCode());
                ScanOutcome member = app.scan(RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An"));
                assertEquals(ScanResult.FOUND, member.result());
                assertEquals("AT-TH1-0001", member.householdCode());
                ScanOutcome stranger = app.scan(RealHub.cccdQr(RealHub.STRANGER_ID, "Lê Văn Cường"));
                assertEquals(ScanResult.NOT_FOUND, stranger.result());
                ScanOutcome garbage = app.scan("hello");
                assertEquals(ScanResult.INVALID, garbage.result());

                // Attendance counts a person once per session, offline or not.
                assertEquals(CheckIn.Outcome.CHECKED_IN, app.attendance.checkIn("s-today", member).outcome());
                // The same person by the MRZ on the back of the card: no diacritics, same person.
                ScanOutcome back = app.scan(vn.giadinhso.kiosk.identity.TestCards.mrz(RealHub.MEMBER_ID, "990315", 'M',
                        "391231", "NGUYEN<<VAN<AN"));
                assertEquals(ScanResult.FOUND, back.result());
                CheckIn again = app.attendance.checkIn("s-today", back);
                assertEquals(CheckIn.Outcome.ALREADY_CHECKED_IN, again.outcome());
                assertEquals(1, again.count());
                assertEquals(1, app.schedule.upcoming(java.time.Instant.now(), 5).size());

                String criterion = app.roster.byCode("AT-TH1-0001").orElseThrow().criteria().get(0).id();
                app.declarations.declare("AT-TH1-0001", criterion);
                assertEquals(CriterionStatus.DECLARED, app.roster.byCode("AT-TH1-0001").orElseThrow().criteria().stream()
                        .filter(c -> c.id().equals(criterion)).findFirst().orElseThrow().status());

                app.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "outbox drained");
                String kioskId = app.identity.kioskId();
                List<StoredEvent> identified = hub.events(kioskId, "identified");
                assertEquals(5, identified.size());
                assertTrue(identified.stream().anyMatch(e -> e.id().equals(household.eventId())));
                List<StoredEvent> checkIns = hub.events(kioskId, "attendance.checked_in");
                assertEquals(1, checkIns.size());
                // Sealed on the kiosk, opened by the hub: the log holds the hub's member hash as before.
                assertTrue(checkIns.get(0).payload().contains(
                        "\"memberHash\":\"" + hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.MEMBER_ID) + "\""),
                        checkIns.get(0).payload());
                List<StoredEvent> declared = hub.events(kioskId, "criterion.declared");
                assertEquals(1, declared.size());
                assertTrue(declared.get(0).payload().contains("DECLARED"));
                for (StoredEvent e : hub.events(kioskId, null)) {
                    assertFalse(e.payload().contains(RealHub.MEMBER_ID) || e.payload().contains(RealHub.STRANGER_ID),
                            "no plain ID number leaves the kiosk: " + e.type());
                }
                assertEquals(0, app.outbox.quarantineSize());
            }
        }
    }
}
