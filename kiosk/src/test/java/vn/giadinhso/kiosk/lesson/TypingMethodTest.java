package vn.giadinhso.kiosk.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from the published Telex and VNI tables (copied into docs/lessons.md, "Typing as
 * on the phone", with their sources): keys in, text out, as a phone keyboard does it.
 */
class TypingMethodTest {

    @ParameterizedTest(name = "Telex {0} = {1}")
    @CsvSource({
        // tones (Unikey's table: "as → á" …) and the removal key
        "as, á", "af, à", "ar, ả", "ax, ã", "aj, ạ", "asz, a", "toansz, toan", "quanrz, quan",
        // letters with marks (Wikipedia, Telex (input method))
        "aam, âm", "eem, êm", "oom, ôm", "trawng, trăng", "caan, cân", "ddaau, đâu", "ddeem, đêm", "nhoo, nhô",
        "mow, mơ", "tuw, tư", "w, ư",
        // tones at the end of the word
        "huyeenf, huyền", "sawcs, sắc", "hoir, hỏi", "ngax, ngã", "nawngj, nặng",
        // a later tone key replaces the tone; a tone key twice types the letter
        "nhafs, nhá", "herr, her",
        // whole sentences
        "'Nguwowif Vieetj khoong bieets gox tieengs Vieetj', 'Người Việt không biết gõ tiếng Việt'",
        "'Neen dungf Unicode ddeer gox tieengs Vieetj', 'Nên dùng Unicode để gõ tiếng Việt'",
        "dduwowngf, đường", "'tieengs Vieetj', 'tiếng Việt'",
    })
    void telexAsPublished(String keys, String expected) {
        assertEquals(expected, TypingMethod.TELEX.typeAll("", keys));
    }

    @ParameterizedTest(name = "VNI {0} = {1}")
    @CsvSource({
        "a1, á", "a2, à", "a3, ả", "a4, ã", "a5, ạ", "a6, â", "e6, ê", "o6, ô", "o7, ơ", "u7, ư", "a8, ă", "d9, đ",
        "'Tie61ng Vie65t', 'Tiếng Việt'", "'Qua3n tri5 ma5ng', 'Quản trị mạng'", "Hu7o7ng1, Hướng",
        "duong9772, đường", "toan21, toán", "toan10, toan", "'To6i d9i ho5c', 'Tôi đi học'",
    })
    void vniAsPublished(String keys, String expected) {
        assertEquals(expected, TypingMethod.VNI.typeAll("", keys));
    }

    @Test
    void digitsWithNoLetterBeforeThemStayDigitsInVni() {
        assertEquals("0912345678", TypingMethod.VNI.typeAll("", "0912345678"));
        assertEquals("2510 2000 12", TypingMethod.VNI.typeAll("", "2510 2000 12"));
        assertEquals("PE04000123", TypingMethod.VNI.typeAll("", "PE04000123"));
    }

    @Test
    void theToneMovesToTheRightVowelAsLettersArrive() {
        assertEquals("hoán", TypingMethod.TELEX.typeAll("", "hoasn"));
        assertEquals("người", TypingMethod.TELEX.typeAll("", "nguowif"));
        assertEquals("hòa", TypingMethod.TELEX.typeAll("", "hoaf"));
    }

    @Test
    void theHintShowsTheKeysAPhoneUserPresses() {
        assertEquals("nons las", TypingMethod.TELEX.keysFor("nón lá"));
        assertEquals("caf phee hatj", TypingMethod.TELEX.keysFor("Cà phê hạt"));
        assertEquals("dduowngf", TypingMethod.TELEX.keysFor("đường"));
        assertEquals("non1 la1", TypingMethod.VNI.keysFor("nón lá"));
        assertEquals("d9uo7ng2", TypingMethod.VNI.keysFor("đường"));
    }

    /** Every letters answer of every shipped lesson can be typed in each method with the keys the hint shows. */
    @Test
    void everyShippedAnswerTypesInEachMethod() throws Exception {
        List<String> answers = new ArrayList<>();
        for (LessonPack pack : LessonLibrary.load(List.of(ShippedPacks.dir())).all()) {
            for (Step s : pack.lesson().steps()) {
                if (s.kind() == StepKind.TYPE && !s.digitsOnly()) {
                    answers.add(s.answer());
                }
            }
        }
        assertTrue(answers.size() >= 5, answers.toString());
        for (String answer : answers) {
            for (TypingMethod m : List.of(TypingMethod.TELEX, TypingMethod.VNI)) {
                String typed = m.typeAll("", m.keysFor(answer));
                assertEquals(VietnameseInput.canonical(answer.toLowerCase(java.util.Locale.ROOT)),
                        VietnameseInput.canonical(typed), m + " " + m.keysFor(answer));
            }
        }
    }
}
