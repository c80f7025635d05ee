package vn.giadinhso.kiosk.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kiosk's lessons: what is installed (downloaded packs under the data dir, plus any folders
 * named in the {@code giadinhso.lessons} system property for demos and development), new packs
 * after each sync, and sessions that save progress and report evidence.
 */
public final class Lessons {

    /** Extra pack folders, separated like a class path; for demos and tests, not for production. */
    public static final String EXTRA_DIRS_PROPERTY = "giadinhso.lessons";

    /** The learner of lessons practised without a card (as {@link LessonSession} saves them). */
    static final String WALK_UP = "";

    private final LessonPackFetcher fetcher;
    private final List<Path> roots;
    private final ProgressStore progress;
    private final LessonEvidence evidence;
    private final Clock clock;
    private volatile LessonLibrary library;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public Lessons(LessonPackFetcher fetcher, ProgressStore progress, LessonEvidence evidence, Clock clock) {
        this.fetcher = fetcher;
        this.progress = progress;
        this.evidence = evidence;
        this.clock = clock;
        List<Path> r = new ArrayList<>();
        r.add(fetcher.installRoot());
        String extra = System.getProperty(EXTRA_DIRS_PROPERTY, "");
        for (String dir : extra.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                r.add(Path.of(dir));
            }
        }
        this.roots = List.copyOf(r);
        this.library = LessonLibrary.load(roots);
    }

    public LessonLibrary library() {
        return library;
    }

    /**
     * Told (on the sync's thread) when new packs were installed, so screens built before they
     * arrived redraw: on the first start the welcome screen is up before the first sync.
     */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** After a sync page listed {@code lessonPacks}: fetch what is new and reload if anything came. */
    public void afterSync(JsonNode lessonPacks) throws InterruptedException {
        if (!fetcher.fetch(PackListing.parse(lessonPacks)).isEmpty()) {
            library = LessonLibrary.load(roots);
            listeners.forEach(Runnable::run);
        }
    }

    /** Forgets where a resident without a card got to, in every lesson (see {@link ProgressStore}). */
    public void forgetWalkUp() {
        for (LessonPack pack : library.all()) {
            progress.clear(pack.lesson().id(), WALK_UP);
        }
    }

    public LessonSession open(LessonPack pack, String householdCode) {
        return LessonSession.open(pack, householdCode, progress, evidence, clock);
    }
}
