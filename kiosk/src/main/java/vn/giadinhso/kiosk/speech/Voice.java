package vn.giadinhso.kiosk.speech;

import java.util.Locale;

/** Says an instruction aloud. Every instruction is also on screen, so a voice may stay silent. */
public interface Voice {

    void say(String text, Locale locale);

    /** No audio: the text on screen is all there is (no espeak-ng, or no sound card). */
    static Voice silent() {
        return (text, locale) -> { };
    }
}
