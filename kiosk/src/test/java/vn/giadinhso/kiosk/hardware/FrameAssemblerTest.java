package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private static final long MS = 1_000_000L;

    private static Framing terminator(String hex, int gapMs) {
        return new Framing(FramingMode.TERMINATOR, hex, gapMs, 0, 0);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static List<String> texts(List<Frame> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(f -> out.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void terminatorSplitAcrossReadsStillEndsTheFrame() {
        FrameAssembler a = new FrameAssembler(terminator("0D0A", 0));
        assertTrue(a.accept(ascii("ABC\r"), 0).isEmpty());
        assertEquals(List.of("ABC"), texts(a.accept(ascii("\nDEF"), MS)));
        assertEquals(List.of("DEF"), texts(a.accept(ascii("\r\n"), 2 * MS)));
        assertFalse(a.pending());
    }

    @Test
    void severalFramesInOneRead() {
        FrameAssembler a = new FrameAssembler(terminator("0D", 0));
        assertEquals(List.of("one", "two", "three"), texts(a.accept(ascii("one\rtwo\rthree\r"), 0)));
    }

    @Test
    void powerUpNoiseBeforeAFrameIsDropped() {
        FrameAssembler a = new FrameAssembler(terminator("0D0A", 100));
        byte[] noisy = {0x00, (byte) 0xFF, 0x11, 0x1B, '\n', 'O', 'K', '\r', '\n'};
        assertEquals(List.of("OK"), texts(a.accept(noisy, 0)));
        // Noise alone, then silence: nothing to report.
        assertTrue(a.accept(new byte[] {0x00, (byte) 0xFF}, MS).isEmpty());
        assertTrue(a.flushIfIdle(500 * MS).isEmpty());
    }

    @Test
    void aFrameWhoseTerminatorNeverComesEndsOnTheIdleGap() {
        FrameAssembler a = new FrameAssembler(terminator("0D0A", 100));
        assertTrue(a.accept(ascii("NO-SUFFIX\r"), 0).isEmpty());
        assertTrue(a.flushIfIdle(99 * MS).isEmpty());
        assertEquals(List.of("NO-SUFFIX"), texts(a.flushIfIdle(100 * MS)));
    }

    @Test
    void aLateNextReadEndsThePreviousFrameEvenWithoutPolling() {
        FrameAssembler a = new FrameAssembler(new Framing(FramingMode.IDLE_GAP, null, 50, 0, 0));
        assertTrue(a.accept(ascii("first"), 0).isEmpty());
        assertTrue(a.accept(ascii("-still-first"), 10 * MS).isEmpty());
        assertEquals(List.of("first-still-first"), texts(a.accept(ascii("second"), 200 * MS)));
        assertEquals(List.of("second"), texts(a.flush()));
    }

    @Test
    void linesModeCollectsThreeLinesWhateverTheLineEnds() {
        FrameAssembler a = new FrameAssembler(new Framing(FramingMode.LINES, null, 300, 3, 512));
        assertTrue(a.accept(ascii("L1\r\n\r\nL2\r"), 0).isEmpty());
        assertEquals(List.of("L1\nL2\nL3"), texts(a.accept(ascii("L3\n"), MS)));
        assertEquals(List.of("A\nB\nC"), texts(a.accept(ascii("A\rB\rC\r"), 2 * MS)));
    }

    @Test
    void linesModeHandsOnAHalfReadCardAfterTheGap() {
        FrameAssembler a = new FrameAssembler(new Framing(FramingMode.LINES, null, 300, 3, 512));
        a.accept(ascii("L1\r\nL2\r\n"), 0);
        assertEquals(List.of("L1\nL2"), texts(a.flushIfIdle(400 * MS)));
        assertEquals(List.of("X\nY\nZ"), texts(a.accept(ascii("X\nY\nZ\n"), 500 * MS)));
    }

    @Test
    void anEndlessFrameIsCutAndMarkedOverflowed() {
        FrameAssembler a = new FrameAssembler(new Framing(FramingMode.TERMINATOR, "0D", 0, 0, 16));
        List<Frame> frames = a.accept(ascii("0123456789ABCDEFGHIJ\rok\r"), 0);
        assertEquals(2, frames.size());
        assertTrue(frames.get(0).overflowed());
        assertEquals(16, frames.get(0).length());
        assertEquals("ok", new String(frames.get(1).bytes(), StandardCharsets.US_ASCII));
        assertFalse(frames.get(1).overflowed());
    }
}
