package vn.giadinhso.kiosk.hardware;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.giadinhso.kiosk.identity.PayloadKind;

/**
 * The one reader of a kiosk window, supervised, whatever it is: a serial scanner or the
 * simulated reader of the demo. Frames go to whoever listens now — the enrolment screen before
 * the kiosk is enrolled (to read the enrolment code's QR), the kiosk afterwards — so a demo
 * "scan" travels exactly the path of a real one: bytes → framer → decoder → identification.
 */
public final class KioskReader implements AutoCloseable {

    private final HardwareProfile profile;
    private final SupervisedReader reader;
    private final SimulatedReader simulated;
    private volatile Consumer<Frame> sink = frame -> { };

    private KioskReader(HardwareProfile profile, ChannelOpener opener, SimulatedReader simulated) {
        this.profile = profile;
        this.simulated = simulated;
        this.reader = new SupervisedReader(profile.id(), opener, profile.framing(), frame -> sink.accept(frame));
    }

    /** A reader for {@code profile}: simulated, or serial on {@code port} (or the profile's port). */
    public static KioskReader of(HardwareProfile profile, Optional<String> port) {
        if (profile.transport() == Transport.SIMULATED) {
            SimulatedReader s = new SimulatedReader(profile.id());
            return new KioskReader(profile, s, s);
        }
        return new KioskReader(profile, new SerialChannelOpener(profile, port), null);
    }

    /** The demo's reader: the same settings as {@code hardware-profiles/simulated.json}. */
    public static HardwareProfile simulatedProfile() {
        return new HardwareProfile("simulated", "Simulated reader (demo)", "built in", Transport.SIMULATED,
                null, new SerialSettings(9600, 8, Parity.NONE, 1), "UTF-8",
                new Framing(FramingMode.TERMINATOR, "0D0A", 150, 0, Framing.DEFAULT_MAX_FRAME_BYTES), "", "",
                List.of(PayloadKind.HOUSEHOLD_QR, PayloadKind.CCCD_QR, PayloadKind.MRZ), "demo and tests");
    }

    public HardwareProfile profile() {
        return profile;
    }

    /** From now on frames go to {@code to} (on the reader's thread). */
    public void routeTo(Consumer<Frame> to) {
        sink = to;
    }

    public void addStateListener(Consumer<ReaderState> listener) {
        reader.addStateListener(listener);
    }

    public ReaderState state() {
        return reader.state();
    }

    public void start() {
        reader.start();
    }

    public boolean simulated() {
        return simulated != null;
    }

    /**
     * What a simulated reader would send for a card: the payload's bytes in the profile's
     * encoding and its terminator. False when this is a real reader (nothing is faked then).
     */
    public boolean simulateScan(String payload) {
        if (simulated == null) {
            return false;
        }
        byte[] body = payload.getBytes(profile.charset());
        // Other framings end a frame by the idle gap, as a suffix-less reader does.
        byte[] end = profile.framing().mode() == FramingMode.TERMINATOR
                ? Hex.parse(profile.framing().terminatorHex()) : new byte[0];
        byte[] bytes = Arrays.copyOf(body, body.length + end.length);
        System.arraycopy(end, 0, bytes, body.length, end.length);
        simulated.feed(bytes);
        return true;
    }

    /** A simulated reader: feeds it from {@code in} (bench-soak); nothing for a serial one. */
    public void pumpFrom(java.io.InputStream in) {
        if (simulated != null) {
            simulated.pumpFrom(in);
        }
    }

    /** Unplugs / plugs in the simulated reader (demo and tests of the reader indicator). */
    public void simulateUnplugged(boolean unplugged) {
        if (simulated != null) {
            if (unplugged) {
                simulated.unplug();
            } else {
                simulated.plugIn();
            }
        }
    }

    /** A frame as text, prefix and suffix stripped: what the enrolment screen reads from a QR. */
    public String text(Frame frame) {
        byte[] bytes = frame.bytes();
        byte[] prefix = profile.stripPrefix();
        byte[] suffix = profile.stripSuffix();
        int from = prefix.length > 0 && bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length) ? prefix.length : 0;
        int to = suffix.length > 0 && bytes.length - from >= suffix.length
                && Arrays.equals(bytes, bytes.length - suffix.length, bytes.length, suffix, 0, suffix.length)
                ? bytes.length - suffix.length : bytes.length;
        return new String(bytes, from, to - from, profile.charset());
    }

    @Override
    public void close() {
        reader.close();
    }
}
