package vn.giadinhso.kiosk.ui.lesson;

import vn.giadinhso.kiosk.language.Narration;

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

    void cue(String key, Narration narration) {
        if (!key.equals(lastKey)) {
            lastKey = key;
            narrator.play(narration);
        }
    }

    /** "Nghe lại". */
    void replay(Narration narration) {
        narrator.play(narration);
    }

    public void stop() {
        lastKey = null;
        narrator.stop();
    }
}
