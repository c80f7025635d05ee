package vn.giadinhso.kiosk.lesson;

import java.util.Optional;

/** Saved progress per lesson and learner; the learner is a household code or "" for a walk-up resident. */
public interface ProgressStore {

    Optional<Progress> load(String lessonId, String learner);

    void save(String learner, Progress progress);

    void clear(String lessonId, String learner);
}
