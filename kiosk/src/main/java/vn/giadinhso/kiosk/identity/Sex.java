package vn.giadinhso.kiosk.identity;

/** Sex as printed on the card (Nam/Nữ on the QR, M/F in the MRZ). */
public enum Sex {
    MALE,
    FEMALE
}
