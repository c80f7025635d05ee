package vn.giadinhso.kiosk.ui.lesson;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Speaks each step once when it appears. The kiosk redraws for other reasons too (language,
 * the idle question); those redraws must not start the instruction again.
 */
public final class StepNarration {

    private final Narrator narrator;
    private String lastKey;

    public StepNarration(Narrator narrator) {
        this.narrator = narrator;
    }

    void cue(String key, Optional<Path> audio) {
        if (!key.equals(lastKey)) {
            lastKey = key;
            narrator.play(audio);
        }
    }

    /** "Nghe lại". */
    void replay(Optional<Path> audio) {
        narrator.play(audio);
    }

    public void stop() {
        lastKey = null;
        narrator.stop();
    }
}
