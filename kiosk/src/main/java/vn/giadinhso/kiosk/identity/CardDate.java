package vn.giadinhso.kiosk.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import vn.giadinhso.protocol.CitizenIdNumber;

/** Strict parsing of the fixed-width dates printed in card payloads (no lenient rollover). */
final class CardDate {

    private CardDate() {
    }

    /** {@code ddMMyyyy}, as on the CCCD QR; empty unless it is a real calendar date. */
    static Optional<LocalDate> ddMMyyyy(String s) {
        if (s == null || s.length() != 8 || !CitizenIdNumber.allAsciiDigits(s)) {
            return Optional.empty();
        }
        return of(Integer.parseInt(s.substring(4, 8)), Integer.parseInt(s.substring(2, 4)),
                Integer.parseInt(s.substring(0, 2)));
    }

    /** {@code yyyyMMdd}, as on the household QR. */
    static Optional<LocalDate> yyyyMMdd(String s) {
        if (s == null || s.length() != 8 || !CitizenIdNumber.allAsciiDigits(s)) {
            return Optional.empty();
        }
        return of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                Integer.parseInt(s.substring(6, 8)));
    }

    static Optional<LocalDate> of(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException notARealDate) {
            return Optional.empty();
        }
    }
}
