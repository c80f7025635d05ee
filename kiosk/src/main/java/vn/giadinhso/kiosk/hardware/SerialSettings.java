package vn.giadinhso.kiosk.hardware;

/** Line settings, e.g. 9600 8N1. */
public record SerialSettings(int baudRate, int dataBits, Parity parity, int stopBits) {

    public SerialSettings {
        if (baudRate < 300 || baudRate > 4_000_000) {
            throw new IllegalArgumentException("baudRate " + baudRate + " is not a serial speed");
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("dataBits must be 5–8");
        }
        if (parity == null) {
            throw new IllegalArgumentException("parity is required (NONE, ODD, EVEN, MARK, SPACE)");
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stopBits must be 1 or 2");
        }
    }

    /** Bits on the wire per byte: start bit, data bits, parity bit if any, stop bits. */
    public int bitsPerByte() {
        return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
    }

    /** How long {@code bytes} bytes take on the wire at this speed, in nanoseconds. */
    public long wireNanos(int bytes) {
        return Math.round(bytes * (double) bitsPerByte() * 1_000_000_000d / baudRate);
    }
}
