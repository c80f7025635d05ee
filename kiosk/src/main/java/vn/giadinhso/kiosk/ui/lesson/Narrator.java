package vn.giadinhso.kiosk.ui.lesson;

import java.nio.file.Path;
import java.util.Optional;

/** Reads a step's instruction aloud. The words are always on screen too, so silence is allowed. */
public interface Narrator {

    /** Plays {@code audio}; with none, or no sound card, does nothing. */
    void play(Optional<Path> audio);

    void stop();

    static Narrator silent() {
        return new Narrator() {
            @Override
            public void play(Optional<Path> audio) {
            }

            @Override
            public void stop() {
            }
        };
    }
}
