package vn.giadinhso.kiosk.identity;

/** What a reader's payload turned out to be. */
public enum PayloadKind {
    HOUSEHOLD_QR,
    CCCD_QR,
    MRZ,
    UNKNOWN
}
