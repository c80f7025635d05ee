package vn.giadinhso.kiosk.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.outbox.Outbox;
import vn.giadinhso.kiosk.outbox.OutboxEvent;
import vn.giadinhso.kiosk.scan.MatchedMember;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.ui.MutableClock;
import vn.giadinhso.protocol.EventTypes;
import vn.giadinhso.protocol.Uuid7;

/** The answer's event and the day's note, in the kiosk's own SQLite file. */
class MemberDeclarationsTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final MatchedMember AN = new MatchedMember("AT-TH1-0001", "AVNlYWxlZC1ib3g=", "m:9829:nguyen v. an");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void anAnswerIsOneMemberDeclaredEventWithTheContractsFieldsAndIsNotTakenTwiceADay() throws Exception {
        MutableClock clock = new MutableClock();
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve("k.db"))) {
            Outbox outbox = new Outbox(db, new Uuid7(clock), clock);
            MemberDeclarations answers = new MemberDeclarations(db, new KioskEvents(outbox), clock, VIETNAM);
            assertFalse(answers.answeredToday(AN, MemberClaims.VNEID_LEVEL2));

            assertTrue(answers.declare(AN, MemberClaims.VNEID_LEVEL2, MemberAnswer.UNSURE));
            assertTrue(answers.answeredToday(AN, MemberClaims.VNEID_LEVEL2));
            assertFalse(answers.declare(AN, MemberClaims.VNEID_LEVEL2, MemberAnswer.YES), "once a day");

            List<OutboxEvent> events = outbox.oldest(10);
            assertEquals(1, events.size());
            assertEquals(EventTypes.MEMBER_DECLARED, events.get(0).type());
            JsonNode p = JSON.readTree(events.get(0).payload());
            Set<String> fields = new TreeSet<>();
            p.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("householdCode", "memberSealed", "claim", "answer"), fields);
            assertEquals("AT-TH1-0001", p.path("householdCode").asText());
            assertEquals(AN.memberSealed(), p.path("memberSealed").asText());
            assertEquals("vneid.level2", p.path("claim").asText());
            assertEquals("unsure", p.path("answer").asText());
            assertFalse(events.get(0).payload().contains("9829"), "not even the tag leaves in the event");
        }
    }

    @Test
    void aNewDayInVietnamAsksAgainAndForgetsYesterdaysNotes() throws Exception {
        MutableClock clock = new MutableClock();
        // 16:30 UTC is 23:30 in Vietnam: one hour later it is the next day there.
        Instant now = clock.instant();
        clock.advance(Duration.between(now, now.atZone(VIETNAM).toLocalDate().atTime(23, 30).atZone(VIETNAM).toInstant()));
        try (LocalDatabase db = LocalDatabase.open(tmp.resolve("k.db"))) {
            MemberDeclarations answers = new MemberDeclarations(db, new KioskEvents(new Outbox(db, new Uuid7(clock),
                    clock)), clock, VIETNAM);
            answers.declare(AN, MemberClaims.VNEID_LEVEL2, MemberAnswer.NO);
            clock.advance(Duration.ofMinutes(20));
            assertTrue(answers.answeredToday(AN, MemberClaims.VNEID_LEVEL2), "still the same day at 23:50");
            clock.advance(Duration.ofMinutes(20));
            assertFalse(answers.answeredToday(AN, MemberClaims.VNEID_LEVEL2), "00:10 the next day");

            assertTrue(answers.declare(AN, MemberClaims.VNEID_LEVEL2, MemberAnswer.YES));
            assertEquals(1, notes(db), "yesterday's note is gone");
        }
    }

    private static int notes(LocalDatabase db) {
        return db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM member_answer")) {
                r.next();
                return r.getInt(1);
            }
        });
    }
}
