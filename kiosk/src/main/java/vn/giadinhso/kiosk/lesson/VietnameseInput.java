package vn.giadinhso.kiosk.lesson;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;

/**
 * Vietnamese letters, the tone-key way ({@link TypingMethod#TONE_KEYS}): the keyboard types plain
 * letters, a long press offers ă â ê ô ơ ư đ, and a row of the five tone marks puts the mark on
 * the right vowel of the last word — so "hoa" + huyền gives "hòa". The placement rule is shared by
 * Telex and VNI ({@link LastWord}); {@link #canonical} is how every answer is compared.
 */
public final class VietnameseInput {

    /** The five tones besides ngang, as combining marks. */
    public enum Tone {
        SAC('\u0301', "sắc"), HUYEN('\u0300', "huyền"), HOI('\u0309', "hỏi"), NGA('\u0303', "ngã"), NANG('\u0323', "nặng");

        public final char mark;
        public final String nameVi;

        Tone(char mark, String nameVi) {
            this.mark = mark;
            this.nameVi = nameVi;
        }

        /** The tone of a combining mark, or null when {@code c} is not one. */
        public static Tone of(char c) {
            for (Tone t : values()) {
                if (t.mark == c) {
                    return t;
                }
            }
            return null;
        }

        /** The mark shown on the key, on a plain "a" so it is visible. */
        public String sample() {
            return Normalizer.normalize("a" + mark, Normalizer.Form.NFC);
        }
    }

    private static final String TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323";
    private static final String SHAPE_MARKS = "\u0302\u0306\u031B";
    private static final String VOWELS = "aeiouyAEIOUY";
    private static final Map<Character, List<String>> VARIANTS = Map.of(
            'a', List.of("ă", "â"), 'e', List.of("ê"), 'o', List.of("ô", "ơ"), 'u', List.of("ư"), 'd', List.of("đ"),
            'A', List.of("Ă", "Â"), 'E', List.of("Ê"), 'O', List.of("Ô", "Ơ"), 'U', List.of("Ư"), 'D', List.of("Đ"));

    private VietnameseInput() {
    }

    /** What a long press on a letter offers; empty when the letter has no variants. */
    public static List<String> variants(char letter) {
        return VARIANTS.getOrDefault(letter, List.of());
    }

    /** Puts {@code tone} on the last word, replacing any tone it had. Unchanged when the word has no vowel. */
    public static String applyTone(String text, Tone tone) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        int end = nfd.length();
        int start = end;
        while (start > 0 && isWordChar(nfd.charAt(start - 1))) {
            start--;
        }
        String word = stripTones(nfd.substring(start, end));
        int at = toneVowel(word);
        if (at < 0) {
            return text;
        }
        // The mark goes after the base letter and any shape mark (â, ơ…), as NFD orders them.
        int insert = at + 1;
        while (insert < word.length() && SHAPE_MARKS.indexOf(word.charAt(insert)) >= 0) {
            insert++;
        }
        String marked = word.substring(0, insert) + tone.mark + word.substring(insert);
        return Normalizer.normalize(nfd.substring(0, start) + marked, Normalizer.Form.NFC);
    }

    /**
     * A form for comparing answers in which the tone's position does not matter ("hoà" = "hòa") but
     * the tone, the shape marks and the letters do.
     */
    public static String canonical(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        for (String word : nfd.split(" ", -1)) {
            char tone = 0;
            StringBuilder letters = new StringBuilder();
            for (char c : word.toCharArray()) {
                if (TONE_MARKS.indexOf(c) >= 0) {
                    tone = c;
                } else {
                    letters.append(c);
                }
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(Normalizer.normalize(letters, Normalizer.Form.NFC));
            if (tone != 0) {
                out.append(tone);
            }
        }
        return out.toString();
    }

    /** The text without any tone or shape mark, đ as d: what a keyboard types with no method. */
    public static String plain(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder();
        for (char c : nfd.toCharArray()) {
            if (TONE_MARKS.indexOf(c) < 0 && SHAPE_MARKS.indexOf(c) < 0) {
                b.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
            }
        }
        return Normalizer.normalize(b, Normalizer.Form.NFC);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || TONE_MARKS.indexOf(c) >= 0 || SHAPE_MARKS.indexOf(c) >= 0;
    }

    private static String stripTones(String nfd) {
        StringBuilder b = new StringBuilder();
        for (char c : nfd.toCharArray()) {
            if (TONE_MARKS.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Index in the (NFD, toneless) word of the vowel that carries the tone, or -1. */
    private static int toneVowel(String word) {
        List<Integer> vowels = new java.util.ArrayList<>();
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (int i = 0; i < word.length(); i++) {
            if (VOWELS.indexOf(word.charAt(i)) >= 0) {
                vowels.add(i);
            }
        }
        // "qu" and "gi" before another vowel are consonants: quả, già.
        if (vowels.size() > 1 && (lower.startsWith("qu") && vowels.get(0) == 1
                || lower.startsWith("gi") && vowels.get(0) == 1)) {
            vowels.remove(0);
        }
        if (vowels.isEmpty()) {
            return -1;
        }
        // A vowel with a shape mark takes the tone; in ươ / uô the later one does: người, muốn.
        for (int k = vowels.size() - 1; k >= 0; k--) {
            int i = vowels.get(k);
            if (i + 1 < word.length() && SHAPE_MARKS.indexOf(word.charAt(i + 1)) >= 0) {
                return i;
            }
        }
        int last = vowels.get(vowels.size() - 1);
        boolean endsInConsonant = lastLetterIndex(word) > last;
        if (vowels.size() == 1 || endsInConsonant) {
            return last;
        }
        // Open syllables: mía, mùa, tài (first of two), khuya (middle of three).
        return vowels.size() == 2 ? vowels.get(0) : vowels.get(1);
    }

    private static int lastLetterIndex(String word) {
        for (int i = word.length() - 1; i >= 0; i--) {
            if (Character.isLetter(word.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
