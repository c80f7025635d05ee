package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What a step asks of the resident. */
public enum StepKind {
    /** Tap the right element on the simulated phone. */
    TAP,
    /** Type a value into a field with the on-screen keyboard. */
    TYPE,
    /** Pick one of 2–4 answers (scam awareness, safety). */
    CHOOSE,
    /** Read or listen, then "Tiếp tục". */
    INFO;

    @JsonCreator
    public static StepKind of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Whether the step can be got wrong, and so counts toward the score. */
    public boolean scored() {
        return this != INFO;
    }
}
