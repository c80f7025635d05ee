package vn.giadinhso.kiosk.speech;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Says an instruction aloud. Every instruction is also on screen, so a voice may stay silent. */
public interface Voice {

    /**
     * Synthesises {@code text} with the espeak-ng voice named {@code voice} ("vi", "en", or the
     * one a language pack names).
     */
    void say(String text, String voice);

    /** Vietnamese or English by locale, as the built-in screens speak. */
    default void say(String text, Locale locale) {
        say(text, "en".equals(locale.getLanguage()) ? "en" : "vi");
    }

    /** Plays human recordings one after another, cutting off whatever was playing. */
    default void play(List<Path> recordings) {
    }

    /** No audio: the text on screen is all there is (no espeak-ng, or no sound card). */
    static Voice silent() {
        return (text, voice) -> { };
    }
}
