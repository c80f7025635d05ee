package vn.giadinhso.kiosk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.ingest.StoredEvent;
import vn.giadinhso.kiosk.KioskApp;
import vn.giadinhso.kiosk.KioskSettings;
import vn.giadinhso.kiosk.enrol.KioskDataDir;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.PhoneSteps;
import vn.giadinhso.kiosk.screen.Screen;
import vn.giadinhso.kiosk.screen.StaffPin;
import vn.giadinhso.kiosk.screen.StaffPinFile;
import vn.giadinhso.kiosk.ui.MutableClock;
import vn.giadinhso.protocol.EventTypes;

/**
 * A resident's answer about themselves, from their ID card's scan to the hub (issue 15): one
 * {@code member.declared} with the member sealed exactly as the scan's {@code identified} event
 * sealed them, no ID number, hash or tag on the kiosk's disk or in the event, and the hub opens
 * it to that member's hash.
 */
class MemberDeclaredEndToEndTest {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void anAnswerReachesTheHubOnceAsTheMembersDeclarationWithNothingThatNamesThemOnTheKiosk() throws Exception {
        try (RealHub hub = new RealHub(tmp.resolve("hub"))) {
            Path data = hub.enrolledDataDir(tmp);
            MutableClock clock = new MutableClock();
            try (KioskApp app = KioskApp.open(new KioskDataDir(data),
                    new KioskSettings(Duration.ofHours(1), Duration.ofHours(1), Duration.ofSeconds(1)), clock)) {
                assertEquals(Optional.empty(), app.syncQuietly());
                KioskScreenModel model = app.screens(new StaffPin(new StaffPinFile(tmp), 3, Duration.ofMinutes(5), clock),
                        PhoneSteps.national(), Duration.ofSeconds(60), ZoneId.of("Asia/Ho_Chi_Minh"));

                model.scanned(hub.householdQr("AT-TH1-0001"));
                assertEquals(Screen.STATUS, model.screen(), "a household card names no person: nothing is asked");
                String card = RealHub.cccdQr(RealHub.MEMBER_ID, "Nguyễn Văn An");
                model.scanned(card);
                assertEquals(Screen.MEMBER_QUESTION, model.screen());
                model.answerMemberQuestion(MemberAnswer.NO);
                model.showHousehold();
                model.scanned(card);
                assertEquals(Screen.STATUS, model.screen(), "answered today: not asked again");

                String hash = hub.hub.memberKeys.hash(RealHub.COMMUNE, RealHub.MEMBER_ID);
                List<OutboxEvent> events = app.outbox.oldest(100);
                List<OutboxEvent> declared = events.stream().filter(e -> e.type().equals(EventTypes.MEMBER_DECLARED)).toList();
                assertEquals(1, declared.size());
                JsonNode payload = JSON.readTree(declared.get(0).payload());
                // The identified event of the scan just before the answer carried the same sealed box.
                OutboxEvent scan = events.subList(0, events.indexOf(declared.get(0))).stream()
                        .filter(e -> e.type().equals(EventTypes.IDENTIFIED)).reduce((a, b) -> b).orElseThrow();
                assertEquals(JSON.readTree(scan.payload()).path("memberSealed").asText(),
                        payload.path("memberSealed").asText());
                for (OutboxEvent e : events) {
                    assertFalse(e.payload().contains(RealHub.MEMBER_ID), "an ID number in " + e.type());
                    assertFalse(e.payload().contains(hash) || HEX64.matcher(e.payload()).find(), "a hash in " + e.type());
                }
                // The day's note: household code and the tag-and-name key, nothing a guess could be tested on.
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("kiosk.db"));
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT household_code, person, claim FROM member_answer")) {
                    assertTrue(r.next());
                    assertEquals("AT-TH1-0001", r.getString(1));
                    assertTrue(r.getString(2).matches("m:\\d{1,5}:nguyen v\\. an"), r.getString(2));
                    assertEquals("vneid.level2", r.getString(3));
                    assertFalse(r.next());
                }

                app.sender.start();
                assertTrue(app.sender.awaitEmpty(Duration.ofSeconds(20)), "outbox drained");
                List<JsonNode> atHub = new ArrayList<>();
                for (StoredEvent e : hub.events(app.identity.kioskId(), EventTypes.MEMBER_DECLARED)) {
                    atHub.add(JSON.readTree(e.payload()));
                }
                assertEquals(1, atHub.size(), atHub.toString());
                assertEquals("AT-TH1-0001", atHub.get(0).path("householdCode").asText());
                assertEquals("vneid.level2", atHub.get(0).path("claim").asText());
                assertEquals("no", atHub.get(0).path("answer").asText());
                assertEquals(hash, atHub.get(0).path("memberHash").asText(), "the hub opened the box to the member");
            }
        }
    }
}
