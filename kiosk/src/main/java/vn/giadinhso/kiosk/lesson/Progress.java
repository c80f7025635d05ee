package vn.giadinhso.kiosk.lesson;

import java.time.Instant;
import java.util.List;

/**
 * Where a learner is in a lesson: the step index and the misses on each step done so far (for the
 * score), kept so a lesson left half-way resumes there, even after the kiosk restarts.
 */
public record Progress(String lessonId, int version, int step, List<Integer> misses, Instant startedAt) {

    public Progress {
        misses = List.copyOf(misses);
    }
}
