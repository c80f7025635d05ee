package vn.giadinhso.kiosk.language;

import java.util.List;
import java.util.Optional;
import vn.giadinhso.kiosk.household.Text;
import vn.giadinhso.kiosk.lesson.Choice;
import vn.giadinhso.kiosk.lesson.Lesson;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.PhoneElement;
import vn.giadinhso.kiosk.lesson.PhoneScreen;
import vn.giadinhso.kiosk.lesson.Step;

/**
 * A lesson copied with a pack's words in place of the Vietnamese. A translated text becomes a
 * {@link Text} holding the translation for every language, so the player, which asks a text for
 * its words in the kiosk's locale, shows it unchanged; an untranslated one keeps its vi/en and
 * shows Vietnamese. Ids, answers and targets are never translated: progress and evidence stay the same.
 */
final class LessonLocaliser {

    private LessonLocaliser() {
    }

    static LessonPack localise(LessonPack pack, LessonTranslation t) {
        Lesson l = pack.lesson();
        List<Step> steps = l.steps().stream().map(s -> step(s, t)).toList();
        return new LessonPack(new Lesson(l.id(), l.version(), field(l.title(), t, "title"),
                field(l.learnt(), t, "learnt"), l.criteria(), l.next(), steps), pack.dir());
    }

    private static Step step(Step s, LessonTranslation t) {
        String p = s.id() + ".";
        List<Choice> choices = s.choices().stream().map(c -> new Choice(c.id(),
                field(c.text(), t, p + c.id() + ".text"), c.image(), c.icon(), c.correct(),
                field(c.why(), t, p + c.id() + ".why"))).toList();
        return new Step(s.id(), s.kind(), field(s.say(), t, p + "say"), s.audio(), s.image(), screen(s.screen(), t),
                s.target(), s.answer(), s.keys(), choices, field(s.hint(), t, p + "hint"), field(s.done(), t, p + "done"));
    }

    private static PhoneScreen screen(PhoneScreen screen, LessonTranslation t) {
        return screen == null ? null
                : new PhoneScreen(screen.accent(), screen.elements().stream().map(e -> element(e, t)).toList());
    }

    private static PhoneElement element(PhoneElement e, LessonTranslation t) {
        return new PhoneElement(e.type(), e.id(), phone(e.text(), t), phone(e.detail(), t), e.value(), e.icon(),
                e.style(), e.items().stream().map(i -> element(i, t)).toList());
    }

    private static Text field(Text original, LessonTranslation t, String path) {
        return translated(original, t.field(path));
    }

    private static Text phone(Text original, LessonTranslation t) {
        return original == null ? null : translated(original, t.phone(original.vi()));
    }

    private static Text translated(Text original, Optional<String> words) {
        return words.map(w -> new Text(w, w)).orElse(original);
    }
}
