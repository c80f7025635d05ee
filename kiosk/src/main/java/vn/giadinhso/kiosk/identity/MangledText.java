package vn.giadinhso.kiosk.identity;

import java.util.Optional;

/**
 * Spots text a reader has mangled. A replacement character means bytes did not decode in the
 * profile's encoding; a control character means line noise or a wrongly configured prefix.
 * Either way the fields cannot be trusted, however plausible the rest looks.
 */
final class MangledText {

    private MangledText() {
    }

    /** Reason the text is mangled, or empty. */
    static Optional<String> reason(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD') {
                return Optional.of("text contains U+FFFD (replacement character) at position " + (i + 1)
                        + ": the reader sent bytes that are not valid in the profile's encoding");
            }
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return Optional.of(String.format(
                        "text contains control character U+%04X at position %d: the reader mangled the text",
                        (int) c, i + 1));
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c)
                        ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                        : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
                if (!paired) {
                    return Optional.of("text contains an unpaired surrogate at position " + (i + 1));
                }
            }
        }
        return Optional.empty();
    }
}
