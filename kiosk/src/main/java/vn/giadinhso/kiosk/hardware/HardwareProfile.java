package vn.giadinhso.kiosk.hardware;

import java.nio.charset.Charset;
import java.util.List;
import vn.giadinhso.kiosk.identity.PayloadKind;

/**
 * Everything the kiosk needs to know about one reader model; one JSON file per model in
 * {@code hardware-profiles/} (its README explains each field).
 */
public record HardwareProfile(
        String id,
        String model,
        String source,
        Transport transport,
        PortMatch port,
        SerialSettings serial,
        String encoding,
        Framing framing,
        String stripPrefixHex,
        String stripSuffixHex,
        List<PayloadKind> payloadKinds,
        String notes) {

    public HardwareProfile {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("id must be lower-case letters, digits and '-'");
        }
        if (transport == null) {
            throw new IllegalArgumentException("transport is required (SERIAL or SIMULATED)");
        }
        if (port == null) {
            port = new PortMatch(null, null, null);
        }
        if (serial == null) {
            throw new IllegalArgumentException("serial settings are required (the wire time depends on them)");
        }
        if (framing == null) {
            throw new IllegalArgumentException("framing is required");
        }
        if (encoding == null || !Charset.isSupported(encoding)) {
            throw new IllegalArgumentException("encoding '" + encoding + "' is not a charset this JVM knows");
        }
        Hex.parse(stripPrefixHex);
        Hex.parse(stripSuffixHex);
        payloadKinds = payloadKinds == null ? List.of() : List.copyOf(payloadKinds);
        if (payloadKinds.isEmpty()) {
            throw new IllegalArgumentException("payloadKinds must name what the reader sends");
        }
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }

    public byte[] stripPrefix() {
        return Hex.parse(stripPrefixHex);
    }

    public byte[] stripSuffix() {
        return Hex.parse(stripSuffixHex);
    }
}
