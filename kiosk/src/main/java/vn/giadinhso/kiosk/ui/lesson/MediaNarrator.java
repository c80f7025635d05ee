package vn.giadinhso.kiosk.ui.lesson;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;

/**
 * JavaFX media playback of the pack's narration, one file at a time. With no sound card JavaFX
 * fails with "Could not create player!" (and MP3 needs libavcodec on Linux); then this stays
 * silent for good and the resident reads the words on screen, without an error in their face.
 */
public final class MediaNarrator implements Narrator {

    private MediaPlayer current;
    private boolean unavailable;

    @Override
    public void play(Optional<Path> audio) {
        stop();
        if (unavailable || audio.isEmpty()) {
            return;
        }
        try {
            MediaPlayer player = new MediaPlayer(new Media(audio.get().toUri().toString()));
            player.setOnError(() -> giveUp());
            player.setOnEndOfMedia(player::stop);
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
