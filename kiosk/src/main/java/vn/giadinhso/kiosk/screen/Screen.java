package vn.giadinhso.kiosk.screen;

/** Which screen the kiosk shows. */
public enum Screen {
    WELCOME,
    STATUS,
    NOT_FOUND,
    /** An ID card matched members of several households (a 14-bit tag): show the household QR card instead. */
    ASK_HOUSEHOLD_CARD,
    UNREADABLE,
    SUPPORT,
    SUPPORT_SENT,
    STAFF_PIN,
    STAFF,
    ATTENDANCE,
    /** A practice lesson on the simulated phone (issue 5); it takes the whole window. */
    LESSON,
    /** "Học thử" without a card: the list of lessons, for anyone; nothing is recorded for a household. */
    PRACTICE
}
