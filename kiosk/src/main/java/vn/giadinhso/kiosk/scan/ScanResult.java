package vn.giadinhso.kiosk.scan;

/**
 * What a scan led to: a household on the roster, a good card not on it, an unreadable payload,
 * or an ID card whose tag and masked name match members of more than one household (the kiosk
 * keeps only 14 bits of a hash, docs/member-ids.md): then the household QR card decides.
 */
public enum ScanResult {
    FOUND,
    NOT_FOUND,
    INVALID,
    AMBIGUOUS,
    /** A household card the hub revoked (a lost card); the household is not shown. */
    REVOKED,
    /** A household card signed by a key past the date the hub set when it rotated its key. */
    EXPIRED
}
