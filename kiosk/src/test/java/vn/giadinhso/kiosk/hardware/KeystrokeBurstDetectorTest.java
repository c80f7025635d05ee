package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.giadinhso.kiosk.hardware.KeystrokeBurstDetector.Event;
import vn.giadinhso.kiosk.hardware.KeystrokeBurstDetector.Scan;
import vn.giadinhso.kiosk.hardware.KeystrokeBurstDetector.Typed;

class KeystrokeBurstDetectorTest {

    private final KeystrokeBurstDetector detector = new KeystrokeBurstDetector(35, 8);

    /** Types {@code text} one key every {@code gapMs}, starting at {@code t0}; returns all events. */
    private List<Event> type(String text, long t0, long gapMs) {
        List<Event> events = new ArrayList<>();
        long t = t0;
        for (char c : text.toCharArray()) {
            events.addAll(detector.onKey(c, t));
            t += gapMs;
        }
        events.addAll(detector.onIdle(t + 1000));
        return events;
    }

    @Test
    void aFastBurstEndingInEnterIsAScan() {
        assertEquals(List.of(new Scan("001099012345||Nguyen Van An|15031999")),
                type("001099012345||Nguyen Van An|15031999\r", 0, 4));
    }

    @Test
    void personTypingIsPassedThroughAsText() {
        List<Event> events = type("hello\r", 0, 120);
        StringBuilder typed = new StringBuilder();
        events.forEach(e -> typed.append(((Typed) e).text()));
        assertEquals("hello\r", typed.toString());
    }

    @Test
    void aShortFastBurstIsNotAScan() {
        // e.g. a person hitting "12" and Enter quickly, or key repeat.
        List<Event> events = type("12\r", 0, 5);
        assertEquals(List.of(new Typed("12\r")), events);
    }

    @Test
    void typingJustBeforeAScanIsKeptApart() {
        List<Event> events = new ArrayList<>(type("ab", 0, 150));
        events.addAll(type("GDS1|an-tuong|AT-TH1-0042\n", 2000, 3));
        assertEquals(List.of(new Typed("a"), new Typed("b"), new Scan("GDS1|an-tuong|AT-TH1-0042")), events);
    }

    @Test
    void aBurstThatStallsIsReleasedAsTyping() {
        List<Event> events = type("ABCDEFGHIJ", 0, 3);
        assertEquals(List.of(new Typed("ABCDEFGHIJ")), events);
        assertTrue(detector.onIdle(10_000).isEmpty());
    }

    @Test
    void scansDoNotPrintTheirPayload() {
        assertEquals("Scan[12 chars]", new Scan("001099012345").toString());
    }
}
