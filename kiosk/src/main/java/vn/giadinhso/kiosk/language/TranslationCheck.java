package vn.giadinhso.kiosk.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.PhoneElement;
import vn.giadinhso.kiosk.lesson.Step;

/**
 * A pack's lesson translations against the lessons themselves: a translation of a step, choice or
 * phone label that the lesson does not have would never show, silently. Names each such text.
 */
public final class TranslationCheck {

    private TranslationCheck() {
    }

    public static List<String> problems(LanguagePack pack, LessonLibrary lessons) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, LessonTranslation> e : new java.util.TreeMap<>(pack.lessons()).entrySet()) {
            String where = "lessons/" + e.getKey() + ".json";
            Optional<LessonPack> lesson = lessons.byId(e.getKey());
            if (lesson.isEmpty()) {
                problems.add(where + ": no lesson \"" + e.getKey() + "\" among the lessons checked against");
                continue;
            }
            Set<String> fields = new TreeSet<>(List.of("title", "learnt"));
            Set<String> labels = new TreeSet<>();
            for (Step s : lesson.get().lesson().steps()) {
                for (String f : List.of("say", "hint", "done")) {
                    fields.add(s.id() + "." + f);
                }
                s.choices().forEach(c -> {
                    fields.add(s.id() + "." + c.id() + ".text");
                    fields.add(s.id() + "." + c.id() + ".why");
                });
                if (s.screen() != null) {
                    s.screen().elements().stream().flatMap(el -> el.flatten().stream()).forEach(el -> label(el, labels));
                }
            }
            new TreeSet<>(e.getValue().fields().keySet()).stream().filter(f -> !fields.contains(f))
                    .forEach(f -> problems.add(where + ": " + f + " is not in lesson " + e.getKey()));
            new TreeSet<>(e.getValue().phone().keySet()).stream().filter(l -> !labels.contains(l))
                    .forEach(l -> problems.add(where + ": phone label \"" + l + "\" is not on any of its screens"));
        }
        return problems;
    }

    private static void label(PhoneElement e, Set<String> labels) {
        if (e.text() != null && e.text().vi() != null) {
            labels.add(e.text().vi());
        }
        if (e.detail() != null && e.detail().vi() != null) {
            labels.add(e.detail().vi());
        }
    }
}
