package vn.giadinhso.kiosk.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** espeak-ng renders each instruction once into the data dir; a failing espeak leaves the kiosk silent, not broken. */
class EspeakVoiceTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path data;

    static String espeak() {
        Optional<String> found = EspeakVoice.find();
        if (found.isEmpty() && "1".equals(System.getenv("REQUIRE_SYSTEM_TESTS"))) {
            throw new AssertionError("REQUIRE_SYSTEM_TESTS=1 but espeak-ng is not installed (apt install espeak-ng)");
        }
        Assumptions.assumeTrue(found.isPresent(), "espeak-ng not installed (apt install espeak-ng): spoken instructions not tested");
        return found.get();
    }

    @Test
    void rendersVietnameseToAWavOnceAndPlaysIt() throws Exception {
        List<Path> played = new ArrayList<>();
        EspeakVoice voice = new EspeakVoice(espeak(), data.resolve("audio"), Runnable::run, played::add);

        voice.say("Quét thẻ để bắt đầu", VI);

        assertEquals(1, played.size());
        Path wav = played.get(0);
        assertTrue(wav.startsWith(data.resolve("audio")), "rendered into the data dir, not shipped");
        byte[] head = Arrays.copyOf(Files.readAllBytes(wav), 4);
        assertArrayEquals("RIFF".getBytes(StandardCharsets.US_ASCII), head, "a WAV file");
        assertTrue(Files.size(wav) > 10_000, "about a second of speech");
        assertTrue(!wav.getFileName().toString().contains("Quét"), "the file name is a hash, not the text");

        FileTime first = Files.getLastModifiedTime(wav);
        Thread.sleep(20);
        voice.say("Quét thẻ để bắt đầu", VI);
        assertEquals(wav, played.get(1));
        assertEquals(first, Files.getLastModifiedTime(wav), "rendered once, then reused");
    }

    @Test
    void aBrokenEspeakMeansSilenceNotAnError() {
        List<Path> played = new ArrayList<>();
        EspeakVoice voice = new EspeakVoice(data.resolve("no-such-espeak").toString(), data.resolve("audio"),
                Runnable::run, played::add);
        voice.say("Bạn còn ở đây không?", VI);
        assertTrue(played.isEmpty());
        assertTrue(voice.render("x", VI).isEmpty());
    }
}
