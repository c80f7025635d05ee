package vn.giadinhso.kiosk.lesson;

import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telex as the phones' Vietnamese keyboards do it (Laban Key, Gboard, the phone's own): letters
 * type themselves, and some letters after a vowel mark it instead: aa â, aw ă, ee ê, oo ô, ow ơ,
 * uw ư, uow ươ, w alone ư, dd đ; s f r x j put the sắc, huyền, hỏi, ngã, nặng tone on the word,
 * z takes the tone off. The same key twice takes its mark off and types the letter (aaa = aa,
 * ss = s). Marks may come at the end of the word ("tieengs" = "tiếng", "hoaf" = "hòa").
 */
final class Telex implements Composer {

    private static final Map<Character, VietnameseInput.Tone> TONES = Map.of('s', VietnameseInput.Tone.SAC,
            'f', VietnameseInput.Tone.HUYEN, 'r', VietnameseInput.Tone.HOI, 'x', VietnameseInput.Tone.NGA,
            'j', VietnameseInput.Tone.NANG);
    private static final Map<Character, String> SPELLED = Map.of('â', "aa", 'ă', "aw", 'ê', "ee", 'ô', "oo",
            'ơ', "ow", 'ư', "uw", 'đ', "dd");
    private static final Map<VietnameseInput.Tone, Character> TONE_KEYS = Map.of(VietnameseInput.Tone.SAC, 's',
            VietnameseInput.Tone.HUYEN, 'f', VietnameseInput.Tone.HOI, 'r', VietnameseInput.Tone.NGA, 'x',
            VietnameseInput.Tone.NANG, 'j');

    @Override
    public String type(String text, char key) {
        LastWord w = LastWord.of(text);
        char k = Character.toLowerCase(key);
        if (!Character.isLetter(key)) {
            return w.text() + key;
        }
        LastWord out = switch (k) {
            case 's', 'f', 'r', 'x', 'j' -> w.tone(TONES.get(k), key);
            case 'z' -> w.noTone(key);
            case 'a', 'e', 'o' -> w.circumflex(String.valueOf(k))
                    .or(() -> w.withoutCircumflex(String.valueOf(k)).map(u -> u.plus(key)))
                    .orElseGet(() -> w.plus(key));
            case 'w' -> horn(w, key);
            case 'd' -> w.stroke().or(() -> w.withoutStroke().map(u -> u.plus(key))).orElseGet(() -> w.plus(key));
            default -> w.plus(key);
        };
        return out.text();
    }

    private static LastWord horn(LastWord w, char key) {
        Optional<LastWord> marked = w.horn(true);
        if (marked.isPresent()) {
            return marked.get();
        }
        // "w" on its own is ư ("thw" = "thư"), and "ww" is w again.
        List<Integer> vowels = w.vowels();
        if (vowels.isEmpty()) {
            return w.plus(Character.isUpperCase(key) ? 'Ư' : 'ư');
        }
        int last = w.letters().length() - 1;
        if (vowels.equals(List.of(last)) && w.lowerAt(last) == 'ư') {
            return w.withLetters(w.letters().substring(0, last) + key);
        }
        return w.withoutHorn(true).map(u -> u.plus(key)).orElseGet(() -> w.plus(key));
    }

    @Override
    public String keysFor(String word) {
        LastWord w = LastWord.of(word.toLowerCase(java.util.Locale.ROOT));
        // ươ is "uow": typed as "uwow" the second w would take the first horn off again.
        String letters = w.letters().replace("ươ", "uow");
        StringBuilder keys = new StringBuilder();
        for (char c : letters.toCharArray()) {
            keys.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        w.tone().ifPresent(t -> keys.append(TONE_KEYS.get(t)));
        return Normalizer.normalize(keys, Normalizer.Form.NFC);
    }
}
