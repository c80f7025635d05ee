package vn.giadinhso.kiosk.hardware;

import java.io.IOException;

/** An open connection to a reader. */
public interface ReaderChannel extends AutoCloseable {

    /** Returned by {@link #read} when the input has ended for good (a simulated reader's stdin). */
    int END_OF_INPUT = -1;

    /**
     * Waits a short while for bytes. Returns how many were read, 0 if none came in time, or
     * {@link #END_OF_INPUT}; throws when the device went away (unplugged, port closed).
     */
    int read(byte[] buffer) throws IOException;

    /** The port's name for diagnostics, e.g. {@code /dev/ttyACM0}. */
    String name();

    @Override
    void close();
}
