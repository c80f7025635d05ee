package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;

/** Practice without a card: the list of every lesson this kiosk has, for anyone. */
public final class PracticeModel {

    private final Supplier<LessonLibrary> library;

    public PracticeModel(Supplier<LessonLibrary> library) {
        this.library = library;
    }

    public List<LessonPack> lessons() {
        return library.get().all();
    }

    public List<Spoken> spoken() {
        return List.of(Spoken.of("practice.title"), Spoken.of("practice.hint"));
    }
}
