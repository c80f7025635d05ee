package vn.giadinhso.kiosk.scan;

/** What a scan led to: a household on the roster, a good card not on it, or an unreadable payload. */
public enum ScanResult {
    FOUND,
    NOT_FOUND,
    INVALID
}
