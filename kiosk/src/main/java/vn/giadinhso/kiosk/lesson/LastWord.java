package vn.giadinhso.kiosk.lesson;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The word being typed, as the phone keyboards see it: the letters after the last non-letter,
 * split into toneless letters and the tone. Telex and VNI edit the letters or the tone and draw
 * the word again, so the tone moves to the right vowel as letters arrive ("hoa" + s + n = "hoán").
 */
record LastWord(String before, String letters, Optional<VietnameseInput.Tone> tone) {

    private static final String VOWELS = "aăâeêioôơuưy";

    static LastWord of(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        int start = nfc.length();
        while (start > 0 && Character.isLetter(nfc.charAt(start - 1))) {
            start--;
        }
        String nfd = Normalizer.normalize(nfc.substring(start), Normalizer.Form.NFD);
        VietnameseInput.Tone tone = null;
        StringBuilder letters = new StringBuilder();
        for (char c : nfd.toCharArray()) {
            VietnameseInput.Tone t = VietnameseInput.Tone.of(c);
            if (t != null) {
                tone = t;
            } else {
                letters.append(c);
            }
        }
        return new LastWord(nfc.substring(0, start), Normalizer.normalize(letters, Normalizer.Form.NFC),
                Optional.ofNullable(tone));
    }

    /** The text with this word drawn: its tone on the vowel the spelling rules choose. */
    String text() {
        return before + tone.map(t -> VietnameseInput.applyTone(letters, t)).orElse(letters);
    }

    LastWord withLetters(String newLetters) {
        return new LastWord(before, newLetters, tone);
    }

    LastWord withTone(Optional<VietnameseInput.Tone> newTone) {
        return new LastWord(before, letters, newTone);
    }

    /** The key typed as itself; anything but a letter ends the word (a digit, a space). */
    LastWord plus(char key) {
        if (!Character.isLetter(key)) {
            return new LastWord(text() + key, "", Optional.empty());
        }
        return withLetters(letters + key);
    }

    /**
     * Indexes (in {@link #letters}) of the vowels of the syllable: the u of "qu" and the i of "gi"
     * before another vowel are consonants (quả, giá).
     */
    List<Integer> vowels() {
        List<Integer> out = new ArrayList<>();
        String lower = letters.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            if (VOWELS.indexOf(lower.charAt(i)) >= 0) {
                out.add(i);
            }
        }
        if (out.size() > 1 && out.get(0) == 1 && (lower.startsWith("qu") || lower.startsWith("gi"))) {
            out.remove(0);
        }
        return out;
    }

    char lowerAt(int i) {
        return Character.toLowerCase(letters.charAt(i));
    }

    /** The letters with the one at {@code i} replaced by {@code lower}, in the case it had. */
    LastWord replace(int i, char lower) {
        char c = Character.isUpperCase(letters.charAt(i)) ? Character.toUpperCase(lower) : lower;
        return withLetters(letters.substring(0, i) + c + letters.substring(i + 1));
    }

    /** The first vowel of the syllable whose lower case is one of {@code wanted}, from the end; -1 if none. */
    int lastVowelIn(String wanted) {
        List<Integer> v = vowels();
        for (int k = v.size() - 1; k >= 0; k--) {
            if (wanted.indexOf(lowerAt(v.get(k))) >= 0) {
                return v.get(k);
            }
        }
        return -1;
    }

    // ---- the marks both Telex and VNI put on letters; each returns empty when it does not apply

    /** â ê ô on the last vowel of the syllable that is one of {@code plain} (a, e, o). */
    Optional<LastWord> circumflex(String plain) {
        int i = lastVowelIn(plain.indexOf('a') >= 0 ? plain + "ă" : plain);
        if (i < 0) {
            return Optional.empty();
        }
        char c = lowerAt(i);
        return Optional.of(replace(i, c == 'a' || c == 'ă' ? 'â' : c == 'e' ? 'ê' : 'ô'));
    }

    /** The circumflex taken off again (the third key of "aaa"), or empty when there is none. */
    Optional<LastWord> withoutCircumflex(String plain) {
        String marked = plain.replace('a', 'â').replace('e', 'ê').replace('o', 'ô');
        int i = lastVowelIn(marked);
        if (i < 0) {
            return Optional.empty();
        }
        char c = lowerAt(i);
        return Optional.of(replace(i, c == 'â' ? 'a' : c == 'ê' ? 'e' : 'o'));
    }

    /**
     * The horn (ư ơ), or with {@code breve} also ă: "uo" becomes "ươ" (người; also "ưo", as in
     * "nguwow"), "uu" "ưu" (hưu), "ua" "ưa" (mưa), otherwise the last u, o (or a) of the syllable
     * takes it. Empty when there is nothing to mark, or a horn is there already (the undo's case).
     */
    Optional<LastWord> horn(boolean breve) {
        List<Integer> v = vowels();
        for (int k = 0; k + 1 < v.size(); k++) {
            char a = lowerAt(v.get(k));
            char b = lowerAt(v.get(k + 1));
            if ((a == 'u' || a == 'ư') && (b == 'o' || b == 'ơ') && !(a == 'ư' && b == 'ơ')) {
                return Optional.of(replace(v.get(k), 'ư').replace(v.get(k + 1), 'ơ'));
            }
        }
        if (withoutHorn(true).isPresent()) {
            return Optional.empty();
        }
        for (int k = 0; k + 1 < v.size(); k++) {
            char b = lowerAt(v.get(k + 1));
            if (lowerAt(v.get(k)) == 'u' && (b == 'u' || b == 'a')) {
                return Optional.of(replace(v.get(k), 'ư'));
            }
        }
        int i = lastVowelIn(breve ? "uoa" : "uo");
        if (i < 0) {
            return Optional.empty();
        }
        char c = lowerAt(i);
        return Optional.of(replace(i, c == 'u' ? 'ư' : c == 'o' ? 'ơ' : 'ă'));
    }

    /** ư ơ (and ă) back to u o a, for the undo; empty when the syllable has none. */
    Optional<LastWord> withoutHorn(boolean breve) {
        String from = breve ? "ươă" : "ươ";
        String to = breve ? "uoa" : "uo";
        StringBuilder b = new StringBuilder(letters);
        boolean changed = false;
        for (int i : vowels()) {
            int at = from.indexOf(lowerAt(i));
            if (at >= 0) {
                char c = to.charAt(at);
                b.setCharAt(i, Character.isUpperCase(letters.charAt(i)) ? Character.toUpperCase(c) : c);
                changed = true;
            }
        }
        return changed ? Optional.of(withLetters(b.toString())) : Optional.empty();
    }

    /** ă on the last a (VNI's 8). */
    Optional<LastWord> breve() {
        int i = lastVowelIn("a");
        return i < 0 ? Optional.empty() : Optional.of(replace(i, 'ă'));
    }

    Optional<LastWord> withoutBreve() {
        int i = lastVowelIn("ă");
        return i < 0 ? Optional.empty() : Optional.of(replace(i, 'a'));
    }

    /** đ for the word's first d. */
    Optional<LastWord> stroke() {
        return !letters.isEmpty() && Character.toLowerCase(letters.charAt(0)) == 'd'
                ? Optional.of(replace(0, 'đ')) : Optional.empty();
    }

    Optional<LastWord> withoutStroke() {
        return !letters.isEmpty() && Character.toLowerCase(letters.charAt(0)) == 'đ'
                ? Optional.of(replace(0, 'd')) : Optional.empty();
    }

    /**
     * A tone key: the tone on the syllable; the same tone again takes it off and types the key
     * ("ass" = "as"); a word with no vowel yet just gets the key as a letter (the s of "sinh").
     */
    LastWord tone(VietnameseInput.Tone t, char key) {
        if (vowels().isEmpty()) {
            return plus(key);
        }
        if (tone.filter(t::equals).isPresent()) {
            return withTone(Optional.empty()).plus(key);
        }
        return withTone(Optional.of(t));
    }

    /** Telex's z, VNI's 0: the tone off, or the key typed when there is no tone. */
    LastWord noTone(char key) {
        return tone.isPresent() ? withTone(Optional.empty()) : plus(key);
    }
}
