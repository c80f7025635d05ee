package vn.giadinhso.kiosk.hardware;

import java.time.Instant;

/**
 * What the app shows about a reader: whether it is connected, when it last produced a frame,
 * and what went wrong lately.
 *
 * @param port        the port in use, or null while disconnected
 * @param lastFrameAt null until the first frame
 * @param lastError   null until the first error
 */
public record ReaderState(
        String reader,
        boolean connected,
        String port,
        Instant lastFrameAt,
        long frameCount,
        int errorCount,
        String lastError) {

    public static ReaderState initial(String reader) {
        return new ReaderState(reader, false, null, null, 0, 0, null);
    }

    ReaderState connectedTo(String port) {
        return new ReaderState(reader, true, port, lastFrameAt, frameCount, errorCount, lastError);
    }

    ReaderState disconnectedBecause(String error) {
        return new ReaderState(reader, false, null, lastFrameAt, frameCount, errorCount + 1, error);
    }

    ReaderState ended() {
        return new ReaderState(reader, false, null, lastFrameAt, frameCount, errorCount, lastError);
    }

    ReaderState frameAt(Instant at) {
        return new ReaderState(reader, connected, port, at, frameCount + 1, errorCount, lastError);
    }
}
