package vn.giadinhso.kiosk.ui.lesson;

import vn.giadinhso.kiosk.language.Narration;

/** Reads a step's instruction aloud. The words are always on screen too, so silence is allowed. */
public interface Narrator {

    /** Plays a recording or synthesises the text; with neither possible (no sound card), does nothing. */
    void play(Narration narration);

    void stop();

    static Narrator silent() {
        return new Narrator() {
            @Override
            public void play(Narration narration) {
            }

            @Override
            public void stop() {
            }
        };
    }
}
