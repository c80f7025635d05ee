package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.attendance.CheckIn;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.scan.ScanOutcome;
import vn.giadinhso.kiosk.scan.ScanResult;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.Spoken;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberSeal;

/**
 * What a stolen kiosk's data directory holds after a real sync and real scans: 14-bit tags and
 * sealed boxes, never a member hash its keys could test (docs/member-ids.md).
 */
class MemberTagsTest {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final KioskSettings QUIET = new KioskSettings(Duration.ofHours(1), Duration.ofHours(1),
            Duration.ofSeconds(1));

    @TempDir
    Path tmp;

    @Test
    void aSyncedKioskStoresOnlyFourteenBitTagsAndSealedMembers() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), QUIET, Clock.systemUTC())) {
                assertEquals(Optional.empty(), app.syncQuietly());
                ScanOutcome member = app.scan(RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An"));
                assertEquals(ScanResult.FOUND, member.result());
                app.attendance.checkIn("s-today", member);
                assertEquals(ScanResult.NOT_FOUND, app.scan(RealHub.cccdQr(RealHub.STRANGER_ID, "Lê Văn Cường")).result());

                // The roster: one row per member with a tag 0..16383 and a folded masked name, nothing else.
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kiosk.db"));
                        Statement s = c.createStatement()) {
                    List<String> columns = new ArrayList<>();
                    try (ResultSet r = s.executeQuery("SELECT name FROM pragma_table_info('member')")) {
                        while (r.next()) {
                            columns.add(r.getString(1));
                        }
                    }
                    assertEquals(List.of("household_code", "key_version", "id_tag", "name_key", "display_name"), columns);
                    int rows = 0;
                    try (ResultSet r = s.executeQuery("SELECT id_tag, name_key FROM member")) {
                        while (r.next()) {
                            rows++;
                            assertTrue(r.getInt(1) >= 0 && r.getInt(1) < 1 << MemberIdHash.TAG_BITS, "a 14-bit tag");
                        }
                    }
                    assertEquals(2, rows);
                    try (ResultSet r = s.executeQuery("SELECT type, payload FROM outbox")) {
                        int sealed = 0;
                        while (r.next()) {
                            String payload = r.getString(2);
                            assertFalse(payload.contains("memberHash"), payload);
                            if (payload.contains("memberSealed")) {
                                sealed++;
                            }
                        }
                        assertEquals(3, sealed, "two identified, one attendance.checked_in");
                    }
                }
                // No 64-hex string in any of the kiosk's SQLite files, and no member's hub hash anywhere in the dir.
                Set<String> hubHashes = Set.of(hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.MEMBER_ID),
                        hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.OTHER_MEMBER_ID),
                        hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.STRANGER_ID));
                try (Stream<Path> files = Files.walk(data)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                        if (f.getFileName().toString().startsWith("kiosk.db")) {
                            assertFalse(HEX64.matcher(bytes).find(), "a 64-hex string in " + f.getFileName());
                        }
                        for (String h : hubHashes) {
                            assertFalse(bytes.contains(h) || bytes.contains(h.toUpperCase()), "a member hash in " + f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aCardMatchingTwoHouseholdsByTagAndNameAsksForTheHouseholdCard() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            // Two people with one name whose hashes share their first 14 bits (found by trying IDs).
            String[] twins = sameTag(hub);
            hub.hub.households.upsert(List.of(
                    new Household("AT-TWIN-1", RealHub.COMMUNE, "Thôn Tân Thành", "Lê Văn Cường", List.of(
                            new Member("Lê Văn Cường", hub.hub.memberKeys.hash(RealHub.COMMUNE, twins[0]), "****")),
                            Set.of(), Set.of()),
                    new Household("AT-TWIN-2", RealHub.COMMUNE, "Thôn Tân Thành", "Lê Văn Cường", List.of(
                            new Member("Lê Văn Cường", hub.hub.memberKeys.hash(RealHub.COMMUNE, twins[1]), "****")),
                            Set.of(), Set.of())));
            Path data = hub.enrolledDataDir(tmp);
            Clock clock = Clock.systemUTC();
            try (KioskApp app = KioskApp.open(new KioskDataDir(data), QUIET, clock)) {
                assertEquals(Optional.empty(), app.syncQuietly());
                assertEquals(ScanResult.AMBIGUOUS, app.scan(RealHub.cccdQr(twins[0], "Lê Văn Cường")).result());
                // The same tag with another name is nobody on the roster.
                assertEquals(ScanResult.NOT_FOUND, app.scan(RealHub.cccdQr(twins[0], "Lê Thị Cường")).result());

                KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(tmp), 3, Duration.ofMinutes(5), clock), PhoneSteps.national(),
                        Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));
                model.scanned(RealHub.cccdQr(twins[1], "Lê Văn Cường"));
                assertEquals(Screen.ASK_HOUSEHOLD_CARD, model.screen());
                assertEquals(List.of("ambiguous.title", "ambiguous.text"), model.spoken().stream().map(Spoken::key).toList());
                model.scanned(hub.householdQr("AT-TWIN-2"));
                assertEquals(Screen.STATUS, model.screen());

                // Attendance still counts the person once, by tag and name.
                ScanOutcome first = app.scan(RealHub.cccdQr(twins[0], "Lê Văn Cường"));
                assertEquals(CheckIn.Outcome.CHECKED_IN, app.attendance.checkIn("s-today", first).outcome());
                assertEquals(CheckIn.Outcome.ALREADY_CHECKED_IN,
                        app.attendance.checkIn("s-today", app.scan(RealHub.cccdQr(twins[0], "LE VAN CUONG"))).outcome());
                assertTrue(first.lookup().memberSealed().length() > 100);
                assertEquals(MemberSeal.SEALED_BYTES,
                        java.util.Base64.getDecoder().decode(first.lookup().memberSealed()).length);
            }
        }
    }

    /** Two ID numbers of one province and birth year whose hashes have the same tag. */
    private static String[] sameTag(RealHub hub) {
        var chain = hub.hub.memberKeys.chain(RealHub.COMMUNE);
        Map<Integer, String> seen = new HashMap<>();
        for (int i = 0; i < 100_000; i++) {
            String id = String.format("0520991%05d", i);
            String other = seen.putIfAbsent(MemberIdHash.tag(chain.current(id)), id);
            if (other != null) {
                return new String[] {other, id};
            }
        }
        throw new AssertionError("no two tags alike in 10^5 IDs: impossible for a 14-bit tag");
    }
}
