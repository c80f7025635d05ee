package vn.giadinhso.kiosk.lesson;

import java.util.ArrayList;
import java.util.List;

/** Lesson evidence kept in a list, as "type key=value…" lines a test can read. */
public final class RecordingEvidence implements LessonEvidence {

    public final List<String> lines = new ArrayList<>();

    @Override
    public void started(String lessonId, int version, String householdCode) {
        lines.add("started " + lessonId + " v" + version + " " + householdCode);
    }

    @Override
    public void step(String lessonId, int step, String stepId, boolean correct, int misses) {
        lines.add("step " + step + " " + stepId + " correct=" + correct + " misses=" + misses);
    }

    @Override
    public void completed(String lessonId, int version, String householdCode, List<String> criteria, int score,
            long durationSeconds) {
        lines.add("completed " + lessonId + " " + householdCode + " " + criteria + " score=" + score + " s=" + durationSeconds);
    }

    public String last() {
        return lines.get(lines.size() - 1);
    }
}
