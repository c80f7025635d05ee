package vn.giadinhso.kiosk.lesson;

import java.util.List;
import vn.giadinhso.kiosk.outbox.KioskEvents;

/** Lesson evidence as kiosk events, through the durable outbox like every other event. */
public final class OutboxEvidence implements LessonEvidence {

    private final KioskEvents events;

    public OutboxEvidence(KioskEvents events) {
        this.events = events;
    }

    @Override
    public void started(String lessonId, int version, String householdCode) {
        events.lessonStarted(lessonId, version, householdCode);
    }

    @Override
    public void step(String lessonId, int step, String stepId, boolean correct, int misses) {
        events.lessonStep(lessonId, step, stepId, correct, misses);
    }

    @Override
    public void completed(String lessonId, int version, String householdCode, List<String> criteria, int score,
            long durationSeconds) {
        events.lessonCompleted(lessonId, version, householdCode, criteria, score, durationSeconds);
    }
}
