package vn.giadinhso.kiosk.language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import vn.giadinhso.kiosk.household.Text;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.Step;

/**
 * One language as the screens use it: every string, lesson text and narration goes through here.
 * A string comes from the language's pack, else from the built-in pack of that language (vi, en),
 * else from Vietnamese. Narration follows the words actually on screen: a string shown in
 * Vietnamese because the pack lacks it is read in Vietnamese; a translated string is read from
 * the pack's recording, else by the pack's voice, else not at all — never by the Vietnamese audio.
 */
public final class Language {

    public static final String VI = "vi";
    public static final String EN = "en";

    private final String code;
    private final String name;
    private final Optional<LanguagePack> pack;
    private final BuiltInTexts builtIn;

    Language(String code, String name, Optional<LanguagePack> pack, BuiltInTexts builtIn) {
        this.code = code;
        this.name = name;
        this.pack = pack;
        this.builtIn = builtIn;
    }

    /** Vietnamese or English from the built-in packs alone (before enrolment, in tests). */
    public static Language builtIn(Locale locale) {
        return LanguagePacks.builtInOnly().language(locale);
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language's name in itself, as its button shows it. */
    public String name() {
        return name;
    }

    public Optional<LanguagePack> pack() {
        return pack;
    }

    /** A screen string by its key in messages_vi.properties. */
    public String message(String key, Object... args) {
        return resolve(pack.map(p -> p.kiosk().get(key)), builtIn.messages(code), builtIn.viMessages(), key)
                .format(args);
    }

    /** A word of the lesson player by its key in lesson_vi.properties. */
    public String playerWord(String key, Object... args) {
        return resolve(pack.map(p -> p.player().get(key)), builtIn.player(code), builtIn.viPlayer(), key).format(args);
    }

    /** True when the string for {@code key} is in this language, not a fallback to Vietnamese. */
    public boolean hasOwn(String key) {
        return resolve(pack.map(p -> p.kiosk().get(key)), builtIn.messages(code), builtIn.viMessages(), key)
                .language().equals(code);
    }

    private Resolved resolve(Optional<String> fromPack, ResourceBundle own, ResourceBundle vi, String key) {
        if (fromPack.isPresent()) {
            return new Resolved(fromPack.get(), code);
        }
        if (isBuiltIn() && own.containsKey(key)) {
            return new Resolved(own.getString(key), code);
        }
        return new Resolved(vi.getString(key), VI); // missing in Vietnamese too: a bug, MissingResourceException
    }

    private boolean isBuiltIn() {
        return code.equals(VI) || code.equals(EN);
    }

    /** A text and the language it is really in (which sets number formats, and who reads it aloud). */
    private record Resolved(String text, String language) {
        String format(Object... args) {
            return args.length == 0 ? text : new MessageFormat(text, Locale.forLanguageTag(language)).format(args);
        }
    }

    // ---- lessons

    /** The lesson with its words in this language where the pack has them, Vietnamese elsewhere. */
    public LessonPack lesson(LessonPack original) {
        Optional<LessonTranslation> t = translation(original);
        return t.isEmpty() ? original : LessonLocaliser.localise(original, t.get());
    }

    private Optional<LessonTranslation> translation(LessonPack lesson) {
        return pack.flatMap(p -> Optional.ofNullable(p.lessons().get(lesson.lesson().id())));
    }

    /**
     * How a step's instruction is heard: the pack's recording; else, when the pack translated the
     * step, its voice or silence; else (the instruction is on screen in vi, or in built-in en) the
     * lesson pack's own recording in that language, else the espeak-ng voice of that language.
     */
    public Narration stepNarration(LessonPack lesson, Step step) {
        String id = lesson.lesson().id();
        Optional<Path> recorded = pack.flatMap(p -> p.stepAudio(id, step.id()));
        if (recorded.isPresent()) {
            return new Narration.Recorded(List.of(recorded.get()));
        }
        Optional<String> translated = translation(lesson).flatMap(t -> t.field(step.id() + ".say"));
        if (translated.isPresent()) {
            return pack.flatMap(LanguagePack::voice).<Narration>map(v -> new Narration.Synthesised(translated.get(), v))
                    .orElse(Narration.silent());
        }
        String shownIn = code.equals(EN) ? EN : VI;
        List<String> names = new ArrayList<>();
        if (shownIn.equals(VI) && step.audio() != null) {
            names.add(step.audio()); // a human recording the lesson names, in Vietnamese
        }
        names.add("audio/" + step.id() + "." + shownIn + ".mp3");
        names.add("audio/" + step.id() + "." + shownIn + ".wav");
        for (String n : names) {
            Optional<Path> file = lesson.file(n);
            if (file.isPresent()) {
                return new Narration.Recorded(List.of(file.get()));
            }
        }
        Text say = step.say();
        String text = shownIn.equals(EN) && say.en() != null && !say.en().isBlank() ? say.en() : say.vi();
        return new Narration.Synthesised(text, shownIn.equals(EN) && text.equals(say.en()) ? EN : VI);
    }

    // ---- the screens' spoken instructions

    /** One spoken string: its key and arguments (numbers only, never a name or an ID number). */
    public record Line(String key, List<Object> args) {
        public Line {
            args = List.copyOf(args);
        }
    }

    /**
     * How a screen's instructions are heard. All lines recorded in the pack (and without numbers
     * to fill in): the recordings in order. All in this language: its voice, or silence. All fallen
     * back to Vietnamese: the Vietnamese voice, as that is what the screen shows. A mix: silence,
     * as no one voice can read it.
     */
    public Narration narrate(List<Line> lines) {
        if (lines.isEmpty()) {
            return Narration.silent();
        }
        String text = String.join(" ", lines.stream().map(l -> message(l.key(), l.args().toArray())).toList());
        if (isBuiltIn()) {
            return new Narration.Synthesised(text, code);
        }
        List<Path> recordings = lines.stream().filter(l -> l.args().isEmpty())
                .map(l -> pack.flatMap(p -> p.kioskAudio(l.key())).orElse(null))
                .filter(p -> p != null && Files.isRegularFile(p)).toList();
        if (recordings.size() == lines.size()) {
            return new Narration.Recorded(recordings);
        }
        long own = lines.stream().filter(l -> hasOwn(l.key())).count();
        if (own == lines.size()) {
            return pack.flatMap(LanguagePack::voice).<Narration>map(v -> new Narration.Synthesised(text, v))
                    .orElse(Narration.silent());
        }
        return own == 0 ? new Narration.Synthesised(text, VI) : Narration.silent();
    }

    @Override
    public String toString() {
        return code;
    }
}
