package vn.giadinhso.kiosk.identity;

/** ICAO 9303 check digit: weights 7-3-1, digits as themselves, A=10…Z=35, filler '<' = 0. */
public final class MrzCheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private MrzCheckDigit() {
    }

    /** The check digit of {@code field}, or -1 if it holds a character the MRZ cannot hold. */
    public static int of(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            int v = value(field.charAt(i));
            if (v < 0) {
                return -1;
            }
            sum += v * WEIGHTS[i % 3];
        }
        return sum % 10;
    }

    /** Whether {@code digit} is the right check digit for {@code field}; '<' counts as 0. */
    static boolean matches(CharSequence field, char digit) {
        int expected = of(field);
        int actual = digit == '<' ? 0 : (digit >= '0' && digit <= '9' ? digit - '0' : -1);
        return expected >= 0 && expected == actual;
    }

    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return c == '<' ? 0 : -1;
    }
}
