package vn.giadinhso.kiosk.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the hub's refusal: which statuses are about the events, and which event it names. */
class BatchRefusalTest {

    private static final OutboxEvent A = new OutboxEvent("0193a0b1-0000-7000-8000-00000000000a", "heartbeat", Instant.EPOCH, "{}");
    private static final OutboxEvent B = new OutboxEvent("0193a0b1-0000-7000-8000-00000000000b", "heartbeat", Instant.EPOCH, "{}");
    private static final List<OutboxEvent> BATCH = List.of(A, B);

    @Test
    void fourHundredsAboutTheEventsAreQuarantinedTheOthersRetried() {
        for (int s : new int[] {400, 409, 413, 415, 422}) {
            assertTrue(BatchRefusal.aboutTheEvents(s), "HTTP " + s);
        }
        for (int s : new int[] {200, 401, 403, 404, 405, 408, 429, 500, 503}) {
            assertFalse(BatchRefusal.aboutTheEvents(s), "HTTP " + s);
        }
    }

    @Test
    void theHubsReasonNamesTheEventByIdOrPosition() {
        assertEquals(Optional.of(B), BatchRefusal.namedEvent("events[1] (id " + B.id() + "): field \"type\": must be…", BATCH));
        assertEquals(Optional.of(B), BatchRefusal.namedEvent("events[0] (id " + B.id() + "): …", BATCH), "the id wins");
        assertEquals(Optional.of(A), BatchRefusal.namedEvent("events[0]: must be an object", BATCH));
        assertEquals(Optional.empty(), BatchRefusal.namedEvent("events[5]: must be an object", BATCH));
        assertEquals(Optional.empty(), BatchRefusal.namedEvent(
                "events[1] (id 0193a0b1-0000-7000-8000-0000000000ff): …", BATCH), "an id not in this batch");
        assertEquals(Optional.empty(), BatchRefusal.namedEvent("malformed JSON: …", BATCH));
        assertEquals(Optional.empty(), BatchRefusal.namedEvent(null, BATCH));
    }

    @Test
    void theReasonIsOneLogLine() {
        assertEquals("a b", BatchRefusal.printable("a\r\n\u001bb"));
        assertEquals("a b c d", BatchRefusal.printable("a\u2028b\u202ec\u0085d"), "Unicode separators, bidi, C1");
        assertEquals("no reason given", BatchRefusal.printable(null));
        assertEquals(301, BatchRefusal.printable("x".repeat(500)).length());
    }
}
