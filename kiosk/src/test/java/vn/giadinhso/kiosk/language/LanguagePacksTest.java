package vn.giadinhso.kiosk.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.giadinhso.kiosk.e2e.KioskEndToEndTest;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.PhoneElement;
import vn.giadinhso.kiosk.lesson.ShippedPacks;
import vn.giadinhso.kiosk.lesson.Step;

/**
 * The fake test language x-test (test resources only) against the built-in vi and en: a pack adds a
 * language without code, its strings win, a missing one is Vietnamese, and its recordings are
 * heard before any synthesis — while Vietnamese audio is never played under its translated words.
 */
class LanguagePacksTest {

    static Path testLanguages() {
        try {
            return Path.of(LanguagePacksTest.class.getResource("/test-languages").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    final LanguagePacks packs = LanguagePacks.from(List.of(testLanguages()));
    final Language xt = packs.language("x-test");

    @Test
    void anInstalledPackIsOfferedAfterVietnameseAndEnglishEachNamedInItself() {
        assertEquals(List.of("vi", "en", "x-test"), packs.available().stream().map(Language::code).toList());
        assertEquals(List.of("Tiếng Việt", "English", "Xtest"), packs.available().stream().map(Language::name).toList());
        assertEquals(List.of("vi", "en"), LanguagePacks.builtInOnly().available().stream().map(Language::code).toList());
        assertEquals(List.of(), packs.problems());
    }

    @Test
    void aPackStringWinsAndAMissingOneIsVietnamese() {
        assertEquals("XT scan-card XT", xt.message("welcome.title"));
        assertEquals(packs.language("vi").message("welcome.hint"), xt.message("welcome.hint"));
        assertEquals("XT replay XT", xt.playerWord("replay"));
        assertEquals("Nghe lại", packs.language("vi").playerWord("replay"));
        assertEquals("Listen again", packs.language("en").playerWord("replay"));
        assertTrue(xt.hasOwn("welcome.title"));
        assertFalse(xt.hasOwn("welcome.hint"));
        // A language that is not installed (a pack removed, an old setting) is Vietnamese, not an error.
        assertEquals("vi", packs.language(Locale.forLanguageTag("bdq")).code());
        assertEquals("x-test", packs.language(Locale.forLanguageTag("x-test")).code());
    }

    @Test
    void aLessonShowsThePacksWordsAndVietnameseWhereItHasNone() throws Exception {
        LessonPack original = ShippedPacks.read("hotline-1022");
        LessonPack shown = xt.lesson(original);
        Locale locale = xt.locale();
        assertEquals("XT hotline XT", shown.lesson().title().in(locale));
        assertEquals("XT intro XT", step(shown, "intro").say().in(locale));
        assertEquals(step(original, "dial").say().vi(), step(shown, "dial").say().in(locale), "untranslated: Vietnamese");
        assertEquals("XT road XT", step(shown, "what-for").choice("road").orElseThrow().text().in(locale));
        List<String> phoneLabels = step(shown, "open-phone").screen().elements().stream()
                .flatMap(e -> e.flatten().stream()).map(PhoneElement::text).filter(t -> t != null)
                .map(t -> t.in(locale)).toList();
        assertTrue(phoneLabels.contains("XT phone XT"), phoneLabels.toString());
        assertTrue(phoneLabels.contains("Tin nhắn"), "a label the pack lacks stays Vietnamese: " + phoneLabels);
        // Ids, targets and answers are the lesson's own: progress and evidence do not depend on the language.
        assertEquals(step(original, "dial").answer(), step(shown, "dial").answer());
        assertEquals(original.lesson().id(), shown.lesson().id());
        assertTrue(packs.language("vi").lesson(original) == original, "vi: the lesson as written");
    }

    @Test
    void narrationPrefersThePacksRecordingAndNeverPutsVietnameseAudioUnderItsWords() throws Exception {
        LessonPack lesson = ShippedPacks.read("hotline-1022");
        // Recorded in the pack: the recording, over any synthesis.
        Narration intro = xt.stepNarration(lesson, step(lesson, "intro"));
        assertEquals(new Narration.Recorded(List.of(testLanguages().resolve("x-test/audio/hotline-1022/intro.x-test.wav"))),
                intro);
        // Translated, not recorded, and the pack names no voice: silent (the words are on screen).
        assertEquals(Narration.silent(), xt.stepNarration(lesson, step(lesson, "open-phone")));
        // Not translated: the step is shown in Vietnamese, so the Vietnamese recording matches it.
        Narration dial = xt.stepNarration(lesson, step(lesson, "dial"));
        assertEquals(new Narration.Recorded(List.of(lesson.dir().resolve("audio/dial.vi.mp3"))), dial);
        // English: no English recording shipped, so English synthesis, not the Vietnamese file.
        Narration en = packs.language("en").stepNarration(lesson, step(lesson, "dial"));
        assertEquals(new Narration.Synthesised(step(lesson, "dial").say().en(), "en"), en);
        assertInstanceOf(Narration.Recorded.class, packs.language("vi").stepNarration(lesson, step(lesson, "dial")));
    }

    @Test
    void aScreensInstructionsAreRecordedOrSynthesisedOnlyInTheLanguageOnScreen() {
        Language.Line title = new Language.Line("welcome.title", List.of());
        Language.Line hint = new Language.Line("welcome.hint", List.of());
        Language.Line idle = new Language.Line("idle.question", List.of());
        assertEquals(new Narration.Recorded(List.of(testLanguages().resolve("x-test/audio/kiosk/welcome.title.x-test.wav"))),
                xt.narrate(List.of(title)));
        assertEquals(Narration.silent(), xt.narrate(List.of(title, hint)), "half translated: no one voice can read it");
        assertEquals(new Narration.Synthesised(packs.language("vi").message("idle.question"), "vi"),
                xt.narrate(List.of(idle)), "shown in Vietnamese, read in Vietnamese");
        assertEquals(new Narration.Synthesised(packs.language("en").message("welcome.title") + " "
                + packs.language("en").message("welcome.hint"), "en"), packs.language("en").narrate(List.of(title, hint)));
    }

    private static Step step(LessonPack pack, String id) {
        return pack.lesson().steps().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theValidatorChecksTranslationsAgainstTheLessonsTheyTranslate() throws Exception {
        LessonLibrary lessons = LessonLibrary.load(List.of(ShippedPacks.dir()));
        assertEquals(List.of(), TranslationCheck.problems(xt.pack().orElseThrow(), lessons));
        assertEquals(0, KioskEndToEndTest.cli("languages", "validate", testLanguages().toString(), "--lessons",
                ShippedPacks.dir().toString()));

        LanguagePack typo = new LanguagePack("x-test", "Xtest", "Thử", 1, java.util.Optional.empty(), testLanguages(),
                java.util.Map.of(), java.util.Map.of(), java.util.Map.of("hotline-1022", new LessonTranslation(
                        java.util.Map.of("intro.say", "ok", "intr.say", "typo", "what-for.rod.text", "typo"),
                        java.util.Map.of("Điện thoai", "typo"))));
        assertEquals(List.of("lessons/hotline-1022.json: intr.say is not in lesson hotline-1022",
                "lessons/hotline-1022.json: what-for.rod.text is not in lesson hotline-1022",
                "lessons/hotline-1022.json: phone label \"Điện thoai\" is not on any of its screens"),
                TranslationCheck.problems(typo, lessons));
    }
}
