package vn.giadinhso.kiosk.hardware;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** An open jSerialComm port, read with a short timeout so idle gaps can be measured. */
final class SerialChannel implements ReaderChannel {

    /** Read timeout; bounds how late an idle-gap frame is noticed. */
    static final int POLL_MILLIS = 20;
    // After this many empty reads, check the device is still there (cheap, but not every 20 ms).
    private static final int CHECK_EVERY_EMPTY_READS = 5;

    private final SerialPort port;
    private final Optional<Path> path;
    private final Optional<Path> openedTarget;
    private int emptyReads;

    SerialChannel(SerialPort port, Optional<Path> path) {
        this.port = port;
        this.path = path;
        this.openedTarget = path.flatMap(SerialChannel::target);
    }

    @Override
    public int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException(name() + " read failed (error " + port.getLastErrorCode() + ")");
        }
        if (n == 0 && ++emptyReads % CHECK_EVERY_EMPTY_READS == 0) {
            if (!port.isOpen() || port.bytesAvailable() < 0) {
                throw new IOException(name() + " is no longer open");
            }
            if (path.isPresent() && !target(path.get()).equals(openedTarget)) {
                // Gone, or a symlink (udev rule, socat link) now names a different device.
                throw new IOException(path.get() + " disappeared or was replaced");
            }
        }
        return n;
    }

    private static Optional<Path> target(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return port.getSystemPortPath();
    }

    @Override
    public void close() {
        port.closePort();
    }
}
