package vn.giadinhso.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;

/**
 * Plays a WAV file (or a pack's recorded MP3s in order) with JavaFX media, one at a time (a new instruction cuts the old one off).
 * With no sound card JavaFX fails with "Could not create player!"; then the kiosk stops trying
 * and stays text-only, telling {@code log} once. It never throws at the caller.
 */
final class WavPlayer implements Consumer<Path> {

    private final Consumer<String> log;
    private volatile boolean unavailable;
    private MediaPlayer current;

    WavPlayer(Consumer<String> log) {
        this.log = log;
    }

    boolean unavailable() {
        return unavailable;
    }

    @Override
    public void accept(Path wav) {
        playAll(List.of(wav));
    }

    /** A language pack's recorded instructions, one after another (each line of a screen is a file). */
    void playAll(List<Path> files) {
        if (!unavailable && !files.isEmpty()) {
            Platform.runLater(() -> play(files, 0));
        }
    }

    private void play(List<Path> files, int index) {
        Path wav = files.get(index);
        if (unavailable) {
            return;
        }
        try {
            if (current != null) {
                current.dispose();
            }
            MediaPlayer player = new MediaPlayer(new Media(wav.toUri().toString()));
            player.setOnError(() -> giveUp(String.valueOf(player.getError())));
            player.setOnEndOfMedia(() -> {
                player.dispose();
                if (current == player && index + 1 < files.size()) {
                    play(files, index + 1);
                }
            });
            player.play();
            current = player;
        } catch (MediaException | UnsupportedOperationException | IllegalStateException e) {
            giveUp(e.getMessage());
        } catch (LinkageError e) {
            // The native media library could not load on this machine: same as no sound card.
            giveUp(String.valueOf(e));
        }
    }

    private void giveUp(String why) {
        if (!unavailable) {
            unavailable = true;
            log.accept("audio off, instructions are text only: " + why);
        }
        if (current != null) {
            current.dispose();
            current = null;
        }
    }
}
