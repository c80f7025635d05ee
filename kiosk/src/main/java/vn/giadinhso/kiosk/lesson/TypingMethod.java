package vn.giadinhso.kiosk.lesson;

/**
 * How a resident types Vietnamese: as their phone does (Telex or VNI, the two methods the common
 * phone keyboards offer), or the kiosk's own way of touching a tone key after the letters, for
 * someone who does not yet type on a phone. See docs/decisions/kiosk-009-typing-methods.md.
 */
public enum TypingMethod {
    TELEX(new Telex()),
    VNI(new Vni()),
    TONE_KEYS(new Composer() {
        @Override
        public String type(String text, char key) {
            return text + key;
        }

        @Override
        public String keysFor(String word) {
            return word.toLowerCase(java.util.Locale.ROOT);
        }
    });

    private final Composer composer;

    TypingMethod(Composer composer) {
        this.composer = composer;
    }

    /** The text after {@code key} is pressed at its end. */
    public String type(String text, char key) {
        return composer.type(text, key);
    }

    /** The text after each of {@code keys} is pressed in turn. */
    public String typeAll(String text, String keys) {
        String out = text;
        for (char k : keys.toCharArray()) {
            out = composer.type(out, k);
        }
        return out;
    }

    /** The keys that type {@code text}, word by word, lower case (the kiosk's keys have no shift). */
    public String keysFor(String text) {
        StringBuilder keys = new StringBuilder();
        String nfc = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFC);
        int i = 0;
        while (i < nfc.length()) {
            int end = i;
            boolean letters = Character.isLetter(nfc.charAt(i));
            while (end < nfc.length() && Character.isLetter(nfc.charAt(end)) == letters) {
                end++;
            }
            // Digits, spaces and dots are typed as they are; each run of letters is one word.
            keys.append(letters ? composer.keysFor(nfc.substring(i, end)) : nfc.substring(i, end));
            i = end;
        }
        return keys.toString();
    }
}
