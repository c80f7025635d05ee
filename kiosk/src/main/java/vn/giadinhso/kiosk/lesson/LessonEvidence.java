package vn.giadinhso.kiosk.lesson;

import java.util.List;

/**
 * Where a lesson reports what happened (the kiosk outbox in the app, a list in tests).
 * {@code householdCode} is null when nobody is identified; never an ID number.
 */
public interface LessonEvidence {

    void started(String lessonId, int version, String householdCode);

    /** {@code step} counts from 1; {@code correct} means done without a miss. */
    void step(String lessonId, int step, String stepId, boolean correct, int misses);

    void completed(String lessonId, int version, String householdCode, List<String> criteria, int score,
            long durationSeconds);
}
