package vn.giadinhso.kiosk.hardware;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opens a profile's serial port with jSerialComm: by explicit path (the {@code --port} override or
 * the profile's path), else by USB vendor/product id among the ports the OS lists.
 */
public final class SerialChannelOpener implements ChannelOpener {

    private final HardwareProfile profile;
    private final Optional<String> portOverride;

    public SerialChannelOpener(HardwareProfile profile, Optional<String> portOverride) {
        if (profile.transport() != Transport.SERIAL) {
            throw new IllegalArgumentException("profile " + profile.id() + " is not a serial reader");
        }
        if (portOverride.isEmpty() && !profile.port().hasPath() && profile.port().vendorId().isEmpty()) {
            throw new IllegalArgumentException("profile " + profile.id() + " names no port path or USB id; pass --port");
        }
        this.profile = profile;
        this.portOverride = portOverride;
    }

    @Override
    public ReaderChannel open() throws IOException {
        SerialPort port = locate();
        SerialSettings s = profile.serial();
        port.setComPortParameters(s.baudRate(), s.dataBits(), stopBits(s.stopBits()), parity(s.parity()));
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, SerialChannel.POLL_MILLIS, 0);
        if (!port.openPort()) {
            throw new IOException("cannot open " + port.getSystemPortPath() + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialChannel(port, watchedPath());
    }

    private SerialPort locate() throws IOException {
        Optional<String> path = portOverride.or(() -> Optional.ofNullable(profile.port().path()).filter(p -> !p.isBlank()));
        if (path.isPresent()) {
            if (!Files.exists(Path.of(path.get()))) {
                throw new IOException(path.get() + " does not exist (reader unplugged?)");
            }
            return SerialPort.getCommPort(path.get());
        }
        OptionalInt vendor = profile.port().vendorId();
        OptionalInt product = profile.port().productId();
        for (SerialPort candidate : SerialPort.getCommPorts()) {
            if (profile.port().matchesUsb(candidate.getVendorID(), candidate.getProductID())) {
                return candidate;
            }
        }
        throw new IOException(String.format("no serial port with USB id %04x:%s", vendor.getAsInt(),
                product.isPresent() ? String.format("%04x", product.getAsInt()) : "*"));
    }

    // A pty or a USB device node disappears when its far side goes; watching the path catches
    // that on platforms where a read just returns nothing.
    private Optional<Path> watchedPath() {
        return portOverride.or(() -> Optional.ofNullable(profile.port().path()).filter(p -> !p.isBlank())).map(Path::of);
    }

    private static int stopBits(int bits) {
        return bits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }
}
