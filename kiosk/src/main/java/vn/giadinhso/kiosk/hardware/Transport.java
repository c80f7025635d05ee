package vn.giadinhso.kiosk.hardware;

/** Where a reader's bytes come from. */
public enum Transport {
    /** A serial port: RS-232, a USB-serial adapter or a USB CDC-ACM device (jSerialComm). */
    SERIAL,
    /** Bytes fed by the program or piped on stdin: the demo and the tests. */
    SIMULATED
}
