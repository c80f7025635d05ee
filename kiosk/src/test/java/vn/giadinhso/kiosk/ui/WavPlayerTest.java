package vn.giadinhso.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Without a sound card the kiosk goes text-only, says so once, and never throws at the screen. */
@ExtendWith(ApplicationExtension.class)
class WavPlayerTest {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // Only the JavaFX toolkit is needed.
    }

    @Test
    void playsOrFallsBackToTextOnlyWithoutThrowing() throws Exception {
        // Half a second of silence, 22,050 Hz mono 16-bit: the format espeak-ng writes.
        AudioFormat format = new AudioFormat(22_050, 16, 1, true, false);
        byte[] silence = new byte[22_050];
        Path wav = dir.resolve("silence.wav");
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(silence), format, silence.length / 2),
                AudioFileFormat.Type.WAVE, wav.toFile());

        List<String> log = new CopyOnWriteArrayList<>();
        WavPlayer player = new WavPlayer(log::add);
        player.accept(wav);
        player.accept(wav);
        WaitForAsyncUtils.waitForFxEvents();
        // With ALSA's null device as default (~/.asoundrc), "playing" works with no card at all.
        boolean noSoundCard = !Files.exists(Path.of("/dev/snd"))
                && !Files.exists(Path.of(System.getProperty("user.home"), ".asoundrc"))
                && !Files.exists(Path.of("/etc/asound.conf"));
        if (noSoundCard) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, player::unavailable);
            assertTrue(log.size() == 1 && log.get(0).startsWith("audio off, instructions are text only"), log.toString());
            player.accept(wav);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(log.size() == 1, "said once: " + log);
        }
    }
}
