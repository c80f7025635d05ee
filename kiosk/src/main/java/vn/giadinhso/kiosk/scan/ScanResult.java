package vn.giadinhso.kiosk.scan;

/** What a scan led to: a household on the roster, a good card not on it, or an unreadable payload. */
public enum ScanResult {
    FOUND,
    NOT_FOUND,
    INVALID,
    /** A household card the hub revoked (a lost card); the household is not shown. */
    REVOKED,
    /** A household card signed by a key past the date the hub set when it rotated its key. */
    EXPIRED
}
