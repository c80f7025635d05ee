package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.identity.TestCards;

/**
 * Fuzzing the serial framer with every shipped profile: random bytes in random reads at random
 * times never throw, never produce more bytes than came in or a frame over the limit, and every
 * frame decodes to a classification. And however the reads split a clean stream, the same frames
 * come out.
 */
class FramerProperties {

    private static final List<HardwareProfile> PROFILES = ShippedProfiles.all().stream()
            .map(p -> ShippedProfiles.load(p.getFileName().toString().replace(".json", ""))).toList();
    private static final PayloadClassifier CLASSIFIER = new PayloadClassifier(Optional.empty(), TestCards.TODAY);

    @Property
    void anyByteStreamIsFramedAndClassified(@ForAll("profiles") HardwareProfile profile,
            @ForAll @Size(max = 40) List<@Size(max = 300) byte[]> reads,
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 1000) Integer> gapsMs) {
        FrameAssembler assembler = new FrameAssembler(profile.framing());
        FrameDecoder decoder = new FrameDecoder(profile, CLASSIFIER);
        List<Frame> frames = new ArrayList<>();
        long now = 0;
        long bytesIn = 0;
        for (int i = 0; i < reads.size(); i++) {
            now += (i < gapsMs.size() ? gapsMs.get(i) : 1) * 1_000_000L;
            frames.addAll(assembler.accept(reads.get(i), now));
            frames.addAll(assembler.flushIfIdle(now));
            bytesIn += reads.get(i).length;
        }
        frames.addAll(assembler.flush());
        long bytesOut = 0;
        for (Frame f : frames) {
            assertTrue(f.length() <= profile.framing().maxFrameBytes());
            bytesOut += f.length();
            Identification id = decoder.decode(f);
            assertNotNull(id.kind());
            assertEquals(id.valid(), id.errors().isEmpty());
        }
        assertTrue(bytesOut <= bytesIn);
    }

    @Property
    void howReadsSplitTheStreamDoesNotChangeTheFrames(@ForAll("payloads") List<String> payloads,
            @ForAll @Size(min = 1, max = 50) List<@IntRange(min = 1, max = 64) Integer> readSizes) {
        Framing framing = new Framing(FramingMode.TERMINATOR, "0D0A", 150, 0, 0);
        StringBuilder stream = new StringBuilder();
        payloads.forEach(p -> stream.append(p).append("\r\n"));
        byte[] bytes = stream.toString().getBytes(StandardCharsets.UTF_8);

        FrameAssembler assembler = new FrameAssembler(framing);
        List<String> out = new ArrayList<>();
        int at = 0;
        long now = 0;
        for (int r = 0; at < bytes.length; r++) {
            int n = Math.min(readSizes.get(r % readSizes.size()), bytes.length - at);
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, at, chunk, 0, n);
            at += n;
            now += 2_000_000L; // 2 ms between reads, well inside the idle gap
            assembler.accept(chunk, now).forEach(f -> out.add(new String(f.bytes(), StandardCharsets.UTF_8)));
        }
        assertEquals(payloads, out);
    }

    @Provide
    Arbitrary<HardwareProfile> profiles() {
        return Arbitraries.of(PROFILES);
    }

    @Provide
    Arbitrary<List<String>> payloads() {
        // Text a scanner sends: printable, may hold Vietnamese letters, never starts with noise.
        Arbitrary<String> payload = Arbitraries.strings()
                .withChars("0123456789|ABCxyz <ễăơưđĐ")
                .ofMinLength(1).ofMaxLength(200)
                .filter(s -> !s.startsWith(" ") || s.isBlank() == false);
        return payload.list().ofMaxSize(10);
    }
}
