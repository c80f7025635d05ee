package vn.giadinhso.kiosk.screen;

import java.util.Optional;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.lesson.LessonLibrary;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.LessonSession;

/**
 * The lesson open on the simulated phone. Progress is saved by the session per step, so leaving
 * (or an idle reset) loses nothing.
 */
public final class LessonModel {

    /** Opens (or resumes) a lesson for a household, or for nobody in particular ({@code null}). */
    public interface Opener {
        LessonSession open(LessonPack pack, String householdCode);
    }

    private final Supplier<LessonLibrary> library;
    private final Opener opener;
    private final Runnable forgetWalkUp;
    private LessonSession lesson;

    /** {@code forgetWalkUp} drops the progress of whoever practised without a card (they walked away). */
    public LessonModel(Supplier<LessonLibrary> library, Opener opener, Runnable forgetWalkUp) {
        this.library = library;
        this.opener = opener;
        this.forgetWalkUp = forgetWalkUp;
    }

    public Optional<LessonSession> lesson() {
        return Optional.ofNullable(lesson);
    }

    public Optional<LessonPack> pack(String lessonId) {
        return library.get().byId(lessonId);
    }

    /** False when this kiosk has no such lesson (nothing opens). */
    boolean open(String lessonId, String householdCode) {
        Optional<LessonPack> pack = pack(lessonId);
        if (pack.isEmpty()) {
            return false;
        }
        lesson = opener.open(pack.get(), householdCode);
        return true;
    }

    void close() {
        lesson = null;
    }

    /** The idle reset: the next person starts afresh (a household's progress stays saved). */
    void forget() {
        forgetWalkUp.run();
        lesson = null;
    }
}
