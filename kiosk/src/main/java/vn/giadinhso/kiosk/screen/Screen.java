package vn.giadinhso.kiosk.screen;

/** Which screen the kiosk shows. */
public enum Screen {
    WELCOME,
    STATUS,
    /**
     * Before the household's status, a question to the person whose own citizen ID card was
     * scanned ("Ông/bà đã kích hoạt VNeID mức 2 chưa?", issue 15), then what follows the answer.
     */
    MEMBER_QUESTION,
    NOT_FOUND,
    /** An ID card matched members of several households (a 14-bit tag): show the household QR card instead. */
    ASK_HOUSEHOLD_CARD,
    UNREADABLE,
    /** A household card the hub revoked (lost): refused, the household not shown. */
    CARD_REVOKED,
    /** A household card signed by a retired key past its date: refused, a new card is needed. */
    CARD_EXPIRED,
    SUPPORT,
    SUPPORT_SENT,
    STAFF_PIN,
    STAFF,
    ATTENDANCE,
    /** Staff choose the topic of an unscheduled session to open here (issue 13). */
    OPEN_SESSION,
    /** A practice lesson on the simulated phone (issue 5); it takes the whole window. */
    LESSON,
    /** "Thực hành" without a card: the list of lessons, for anyone; nothing is recorded for a household. */
    PRACTICE
}
