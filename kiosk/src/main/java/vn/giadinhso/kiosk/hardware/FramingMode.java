package vn.giadinhso.kiosk.hardware;

/** How the end of one payload is found in a reader's byte stream. */
public enum FramingMode {
    /** The reader appends a suffix (usually CR or CR LF) to every scan. */
    TERMINATOR,
    /** The reader sends no suffix; a pause on the line ends the payload. */
    IDLE_GAP,
    /** The reader sends a fixed number of lines per document (MRZ readers: 3). */
    LINES
}
