package vn.giadinhso.kiosk.hardware;

import java.util.OptionalInt;

/**
 * How to find a reader's port: a fixed path, or the USB vendor (and optionally product) id so the
 * reader is found whatever ttyACM/ttyUSB number the kernel gave it this time.
 *
 * @param path         e.g. {@code /dev/ttyUSB0}; tried first when set
 * @param usbVendorId  hex, e.g. {@code 0c2e}
 * @param usbProductId hex; null matches any product of the vendor
 */
public record PortMatch(String path, String usbVendorId, String usbProductId) {

    public PortMatch {
        parseId(usbVendorId, "usbVendorId");
        parseId(usbProductId, "usbProductId");
        if (usbProductId != null && usbVendorId == null) {
            throw new IllegalArgumentException("usbProductId needs usbVendorId");
        }
    }

    public OptionalInt vendorId() {
        return parseId(usbVendorId, "usbVendorId");
    }

    public OptionalInt productId() {
        return parseId(usbProductId, "usbProductId");
    }

    /** Whether a port reporting these USB ids is this reader (jSerialComm reports -1 for non-USB ports). */
    public boolean matchesUsb(int vendor, int product) {
        OptionalInt v = vendorId();
        OptionalInt p = productId();
        return v.isPresent() && v.getAsInt() == vendor && (p.isEmpty() || p.getAsInt() == product);
    }

    public boolean hasPath() {
        return path != null && !path.isBlank();
    }

    private static OptionalInt parseId(String hex, String field) {
        if (hex == null || hex.isBlank()) {
            return OptionalInt.empty();
        }
        String digits = hex.strip().toLowerCase().replaceFirst("^0x", "");
        if (!digits.matches("[0-9a-f]{1,4}")) {
            throw new IllegalArgumentException(field + " must be up to 4 hex digits, got '" + hex + "'");
        }
        return OptionalInt.of(Integer.parseInt(digits, 16));
    }
}
