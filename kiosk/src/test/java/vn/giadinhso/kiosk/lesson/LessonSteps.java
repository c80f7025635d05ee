package vn.giadinhso.kiosk.lesson;

/** Plays one step right, as a resident who knows the answer would, for tests that walk lessons. */
public final class LessonSteps {

    private LessonSteps() {
    }

    public static void solve(LessonSession s, Step step) {
        switch (step.kind()) {
            case TAP -> s.tap(step.target());
            case TYPE -> {
                s.type(step.answer());
                s.submit();
            }
            case CHOOSE -> {
                s.choose(step.choices().stream().filter(Choice::correct).findFirst().orElseThrow().id());
                s.next();
            }
            case INFO -> s.next();
        }
    }
}
