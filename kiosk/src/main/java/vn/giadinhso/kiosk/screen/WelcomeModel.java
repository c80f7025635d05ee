package vn.giadinhso.kiosk.screen;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.lesson.LessonLibrary;

/**
 * The welcome screen: the next sessions and, when this kiosk has lesson packs, "Thực hành".
 * Both are read when asked, so a redraw after a sync shows what arrived (packs come after the
 * first screen was built).
 */
public final class WelcomeModel {

    private final Supplier<List<Session>> nextSessions;
    private final Supplier<LessonLibrary> library;
    private final ZoneId zone;

    public WelcomeModel(Supplier<List<Session>> nextSessions, Supplier<LessonLibrary> library, ZoneId zone) {
        this.nextSessions = nextSessions;
        this.library = library;
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<Session> nextSessions() {
        return nextSessions.get();
    }

    /** Whether the practice button shows: only when there is something to practise. */
    public boolean practiceAvailable() {
        return !library.get().all().isEmpty();
    }

    public List<Spoken> spoken() {
        return List.of(Spoken.of("welcome.title"), Spoken.of("welcome.hint"));
    }
}
