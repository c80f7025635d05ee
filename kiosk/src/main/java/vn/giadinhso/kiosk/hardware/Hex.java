package vn.giadinhso.kiosk.hardware;

import java.util.HexFormat;

/** Hex text as written in profiles and captures: pairs of digits, spaces and line breaks ignored. */
final class Hex {

    private Hex() {
    }

    static byte[] parse(String text) {
        if (text == null) {
            return new byte[0];
        }
        String digits = text.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex text has an odd number of digits");
        }
        return HexFormat.of().parseHex(digits);
    }
}
