package vn.giadinhso.kiosk.hardware;

/** Serial parity, named as in scanner manuals. */
public enum Parity {
    NONE,
    ODD,
    EVEN,
    MARK,
    SPACE
}
