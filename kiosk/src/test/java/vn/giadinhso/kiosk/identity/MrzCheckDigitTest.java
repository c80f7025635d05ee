package vn.giadinhso.kiosk.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MrzCheckDigitTest {

    // Worked examples from ICAO Doc 9303 part 3 (the "L898902C3" specimen).
    @Test
    void matchesTheIcaoSpecimen() {
        assertEquals(6, MrzCheckDigit.of("L898902C3"));
        assertEquals(2, MrzCheckDigit.of("740812"));
        assertEquals(9, MrzCheckDigit.of("120415"));
    }

    @Test
    void fillerCountsAsZeroAndJunkIsRejected() {
        assertEquals(MrzCheckDigit.of("AB0"), MrzCheckDigit.of("AB<"));
        assertTrue(MrzCheckDigit.matches("<<<<<<", '0'));
        assertTrue(MrzCheckDigit.matches("<<<<<<", '<'));
        assertEquals(-1, MrzCheckDigit.of("ab"));
        assertFalse(MrzCheckDigit.matches("740812", 'X'));
    }
}
