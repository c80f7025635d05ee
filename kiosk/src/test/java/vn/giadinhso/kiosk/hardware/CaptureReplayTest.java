package vn.giadinhso.kiosk.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import vn.giadinhso.kiosk.identity.HubPublicKey;
import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.identity.PayloadClassifier;
import vn.giadinhso.kiosk.identity.TestCards;

/**
 * Replays every capture in hardware-profiles/captures/&lt;profile&gt;/ through that profile's
 * framer and decoder, the way the bytes would arrive: in small reads, then a pause.
 * Each capture says in its "# expect:" line what the operator should see.
 */
class CaptureReplayTest {

    private static final long MS = 1_000_000L;

    @TestFactory
    Stream<DynamicNode> everyProfileReplaysItsCaptures() throws IOException {
        PayloadClassifier classifier = new PayloadClassifier(
                Optional.of(HubPublicKey.fromFile(ShippedProfiles.dir().resolve("captures/hub-test-public-key.txt"))),
                TestCards.TODAY);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path profileFile : ShippedProfiles.all()) {
            HardwareProfile profile = new HardwareProfileReader().read(profileFile);
            Path dir = ShippedProfiles.dir().resolve("captures").resolve(profile.id());
            List<Path> captures = Files.isDirectory(dir)
                    ? Files.list(dir).filter(p -> p.toString().endsWith(".hex")).sorted().toList()
                    : List.of();
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("has captures", () -> assertFalse(captures.isEmpty(),
                    "no captures for " + profile.id() + " in " + dir)));
            for (Path capture : captures) {
                tests.add(DynamicTest.dynamicTest(capture.getFileName().toString(),
                        () -> replay(profile, classifier, capture)));
            }
            nodes.add(DynamicContainer.dynamicContainer(profile.id(), tests));
        }
        return nodes.stream();
    }

    private static void replay(HardwareProfile profile, PayloadClassifier classifier, Path capture) throws IOException {
        List<String> lines = Files.readAllLines(capture);
        List<String> expected = new ArrayList<>();
        StringBuilder hex = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("# expect:")) {
                for (String e : line.substring("# expect:".length()).split(";")) {
                    expected.add(e.strip());
                }
            } else if (!line.startsWith("#")) {
                hex.append(line);
            }
        }
        assertFalse(expected.isEmpty(), capture + " has no '# expect:' line");
        byte[] bytes = Hex.parse(hex.toString());

        FrameAssembler assembler = new FrameAssembler(profile.framing());
        FrameDecoder decoder = new FrameDecoder(profile, classifier);
        List<Frame> frames = new ArrayList<>();
        long now = 0;
        // 7-byte reads 1 ms apart: terminators and UTF-8 sequences land split across reads.
        for (int i = 0; i < bytes.length; i += 7) {
            int n = Math.min(7, bytes.length - i);
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, i, chunk, 0, n);
            frames.addAll(assembler.accept(chunk, now));
            now += MS;
        }
        frames.addAll(assembler.flushIfIdle(now + (profile.framing().idleGapMs() + 1L) * MS));
        assertFalse(assembler.pending(), "bytes left over after the idle gap");

        List<String> actual = new ArrayList<>();
        for (Frame f : frames) {
            Identification id = decoder.decode(f);
            actual.add(id.kind() + " " + (id.valid() ? "valid" : "invalid"));
            if (id.valid()) {
                assertTrue(id.errors().isEmpty());
            }
        }
        assertEquals(expected, actual, capture.toString());
    }
}
