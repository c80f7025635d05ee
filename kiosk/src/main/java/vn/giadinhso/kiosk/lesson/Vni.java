package vn.giadinhso.kiosk.lesson;

import java.util.Map;

/**
 * VNI as the phones' Vietnamese keyboards do it: after a letter, the digits are marks — 1 sắc,
 * 2 huyền, 3 hỏi, 4 ngã, 5 nặng, 6 the hat (â ê ô), 7 the horn (ơ ư, "uo7" = ươ), 8 the bowl (ă),
 * 9 the stroke (đ), 0 takes the tone off. A digit with no letter before it (a phone number) is
 * a digit; the same mark twice takes it off and types the digit ("a11" = "a1").
 */
final class Vni implements Composer {

    private static final Map<Character, VietnameseInput.Tone> TONES = Map.of('1', VietnameseInput.Tone.SAC,
            '2', VietnameseInput.Tone.HUYEN, '3', VietnameseInput.Tone.HOI, '4', VietnameseInput.Tone.NGA,
            '5', VietnameseInput.Tone.NANG);
    private static final Map<Character, String> SPELLED = Map.of('â', "a6", 'ă', "a8", 'ê', "e6", 'ô', "o6",
            'ơ', "o7", 'ư', "u7", 'đ', "d9");
    private static final Map<VietnameseInput.Tone, Character> TONE_KEYS = Map.of(VietnameseInput.Tone.SAC, '1',
            VietnameseInput.Tone.HUYEN, '2', VietnameseInput.Tone.HOI, '3', VietnameseInput.Tone.NGA, '4',
            VietnameseInput.Tone.NANG, '5');

    @Override
    public String type(String text, char key) {
        LastWord w = LastWord.of(text);
        if (w.letters().isEmpty() && Character.isDigit(key)) {
            return text + key;
        }
        LastWord out = switch (key) {
            case '1', '2', '3', '4', '5' -> w.tone(TONES.get(key), key);
            case '0' -> w.noTone(key);
            case '6' -> w.circumflex("aeo").or(() -> w.withoutCircumflex("aeo").map(u -> u.plus(key)))
                    .orElseGet(() -> w.plus(key));
            // A second 7 on a finished "ươ" is taken as said: the published "duong9772" = "đường".
            case '7' -> w.letters().toLowerCase(java.util.Locale.ROOT).contains("ươ") ? w : w.horn(false).or(() -> w.withoutHorn(false).map(u -> u.plus(key))).orElseGet(() -> w.plus(key));
            case '8' -> w.withoutBreve().map(u -> u.plus(key)).orElseGet(() -> w.breve().orElseGet(() -> w.plus(key)));
            case '9' -> w.stroke().or(() -> w.withoutStroke().map(u -> u.plus(key))).orElseGet(() -> w.plus(key));
            default -> w.plus(key);
        };
        return out.text();
    }

    @Override
    public String keysFor(String word) {
        LastWord w = LastWord.of(word.toLowerCase(java.util.Locale.ROOT));
        // ươ is "uo7": one 7 puts the horn on both.
        String letters = w.letters().replace("ươ", "uo7");
        StringBuilder keys = new StringBuilder();
        for (char c : letters.toCharArray()) {
            keys.append(SPELLED.getOrDefault(c, String.valueOf(c)));
        }
        w.tone().ifPresent(t -> keys.append(TONE_KEYS.get(t)));
        return keys.toString();
    }
}
