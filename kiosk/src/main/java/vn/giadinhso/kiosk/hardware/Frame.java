package vn.giadinhso.kiosk.hardware;

import java.util.Arrays;

/**
 * One payload's bytes as cut from the stream, terminator removed.
 *
 * @param overflowed the payload was longer than the profile's maxFrameBytes; only its start is kept
 */
public record Frame(byte[] bytes, boolean overflowed) {

    public Frame {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.overflowed == overflowed && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(overflowed);
    }

    // Frame bytes are usually personal data; show only their size.
    @Override
    public String toString() {
        return "Frame[" + bytes.length + " bytes" + (overflowed ? ", overflowed" : "") + "]";
    }
}
