package vn.giadinhso.kiosk.hardware;

/**
 * How frames are cut from the byte stream.
 *
 * @param terminatorHex for TERMINATOR: the suffix bytes, e.g. {@code 0D0A}
 * @param idleGapMs     for IDLE_GAP: the pause that ends a frame; for the other modes a fallback
 *                      that ends a frame whose terminator never came (0 = no fallback)
 * @param lines         for LINES: lines per frame
 * @param maxFrameBytes longer frames are refused whole, so a stuck reader cannot exhaust memory
 */
public record Framing(FramingMode mode, String terminatorHex, int idleGapMs, int lines, int maxFrameBytes) {

    public static final int DEFAULT_MAX_FRAME_BYTES = 4096;

    public Framing {
        if (mode == null) {
            throw new IllegalArgumentException("framing.mode is required (TERMINATOR, IDLE_GAP, LINES)");
        }
        if (idleGapMs < 0 || idleGapMs > 60_000) {
            throw new IllegalArgumentException("framing.idleGapMs must be 0–60000");
        }
        if (maxFrameBytes == 0) {
            maxFrameBytes = DEFAULT_MAX_FRAME_BYTES;
        }
        if (maxFrameBytes < 16 || maxFrameBytes > 1 << 20) {
            throw new IllegalArgumentException("framing.maxFrameBytes must be 16–1048576");
        }
        switch (mode) {
            case TERMINATOR -> {
                byte[] t = Hex.parse(terminatorHex);
                if (t.length == 0 || t.length > 8) {
                    throw new IllegalArgumentException("TERMINATOR framing needs 1–8 terminator bytes");
                }
            }
            case IDLE_GAP -> {
                if (idleGapMs == 0) {
                    throw new IllegalArgumentException("IDLE_GAP framing needs idleGapMs > 0");
                }
            }
            case LINES -> {
                if (lines < 1 || lines > 16) {
                    throw new IllegalArgumentException("LINES framing needs lines 1–16");
                }
            }
        }
    }

    public byte[] terminator() {
        return Hex.parse(terminatorHex);
    }
}
