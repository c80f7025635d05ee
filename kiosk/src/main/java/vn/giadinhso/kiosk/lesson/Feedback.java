package vn.giadinhso.kiosk.lesson;

/** What the player says after the last touch. Wrong answers get a gentle word, never a buzzer. */
public enum Feedback {
    NONE,
    /** Came back to a lesson left earlier: "we carry on from step N". */
    RESUMED,
    WRONG_TAP,
    WRONG_TEXT,
    WRONG_CHOICE,
    /** The right answer of a choose step, with its explanation; "Tiếp tục" moves on. */
    RIGHT_CHOICE
}
