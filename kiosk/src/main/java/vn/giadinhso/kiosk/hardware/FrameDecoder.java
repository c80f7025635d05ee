package vn.giadinhso.kiosk.hardware;

import java.util.Arrays;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.identity.Unrecognised;

/**
 * Turns a frame into an identification the way this reader model needs: strip the configured
 * prefix and suffix, decode in the profile's encoding, classify.
 */
public final class FrameDecoder {

    private final HardwareProfile profile;
    private final PayloadClassifier classifier;
    private final byte[] prefix;
    private final byte[] suffix;

    public FrameDecoder(HardwareProfile profile, PayloadClassifier classifier) {
        this.profile = profile;
        this.classifier = classifier;
        this.prefix = profile.stripPrefix();
        this.suffix = profile.stripSuffix();
    }

    public Identification decode(Frame frame) {
        if (frame.overflowed()) {
            return Unrecognised.because("frame longer than " + profile.framing().maxFrameBytes()
                    + " bytes refused: not a card payload, or the reader's terminator is misconfigured");
        }
        byte[] bytes = frame.bytes();
        int from = startsWith(bytes, prefix) ? prefix.length : 0;
        int to = endsWith(bytes, suffix, from) ? bytes.length - suffix.length : bytes.length;
        return classifier.identify(Arrays.copyOfRange(bytes, from, to), profile.charset());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return prefix.length > 0 && bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] bytes, byte[] suffix, int from) {
        return suffix.length > 0 && bytes.length - from >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length);
    }
}
