package vn.giadinhso.kiosk.ui.lesson;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import vn.giadinhso.kiosk.language.Narration;
import vn.giadinhso.kiosk.speech.Voice;

/**
 * JavaFX media playback of recorded narration, the files one after another; synthesised
 * narration goes to the kiosk's voice (espeak-ng). With no sound card JavaFX fails with "Could
 * not create player!" (and MP3 needs libavcodec on Linux); then this stays silent for good and
 * the resident reads the words on screen, without an error in their face.
 */
public final class MediaNarrator implements Narrator {

    private final Voice voice;
    private MediaPlayer current;
    private boolean unavailable;

    public MediaNarrator(Voice voice) {
        this.voice = voice;
    }

    @Override
    public void play(Narration narration) {
        stop();
        if (narration instanceof Narration.Recorded r) {
            playFrom(r.files(), 0);
        } else if (narration instanceof Narration.Synthesised s) {
            voice.say(s.text(), s.voice());
        }
    }

    private void playFrom(List<Path> files, int index) {
        if (unavailable || index >= files.size()) {
            return;
        }
        try {
            MediaPlayer player = new MediaPlayer(new Media(files.get(index).toUri().toString()));
            player.setOnError(this::giveUp);
            player.setOnEndOfMedia(() -> {
                player.stop();
                if (current == player) {
                    playFrom(files, index + 1);
                }
            });
            player.play();
            current = player;
        } catch (RuntimeException | LinkageError e) {
            // MediaException, or the native media library missing on this machine: same as no sound card.
            giveUp();
        }
    }

    @Override
    public void stop() {
        if (current != null) {
            current.dispose();
            current = null;
        }
    }

    private void giveUp() {
        unavailable = true;
        stop();
    }
}
