package vn.giadinhso.kiosk.lesson;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One resident working through one lesson: the whole "cầm tay chỉ việc" logic without a screen.
 * A wrong touch costs nothing but a gentle word; after two misses the right element is shown;
 * "Quay lại" goes one step back; there are no timers. Progress is saved after every step, so a
 * lesson left half-way (or cut short by the idle reset or a restart) resumes at the same step.
 * Not thread-safe: the UI calls it from its one thread.
 */
public final class LessonSession {

    /** Misses after which the right element is highlighted. */
    public static final int HIGHLIGHT_AFTER = 2;

    private final LessonPack pack;
    private final Lesson lesson;
    private final String householdCode;
    private final String learner;
    private final ProgressStore store;
    private final LessonEvidence evidence;
    private final Clock clock;
    private Runnable listener = () -> { };

    private final List<Integer> misses = new ArrayList<>();
    private Instant startedAt;
    private int index;
    private int stepMisses;
    private Feedback feedback = Feedback.NONE;
    private String chosen;
    private String typed = "";
    private boolean answered;
    private Integer score;

    private LessonSession(LessonPack pack, String householdCode, ProgressStore store, LessonEvidence evidence,
            Clock clock) {
        this.pack = pack;
        this.lesson = pack.lesson();
        this.householdCode = householdCode;
        this.learner = householdCode == null ? Lessons.WALK_UP : householdCode;
        this.store = store;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Opens a lesson for a household (or null for nobody identified), resuming saved progress of the same version. */
    public static LessonSession open(LessonPack pack, String householdCode, ProgressStore store, LessonEvidence evidence,
            Clock clock) {
        LessonSession s = new LessonSession(pack, householdCode, store, evidence, clock);
        Optional<Progress> saved = store.load(s.lesson.id(), s.learner)
                .filter(p -> p.version() == s.lesson.version() && p.step() < s.lesson.steps().size()
                        && p.misses().size() == p.step());
        if (saved.isPresent()) {
            s.index = saved.get().step();
            s.misses.addAll(saved.get().misses());
            s.startedAt = saved.get().startedAt();
            s.feedback = s.index > 0 ? Feedback.RESUMED : Feedback.NONE;
        } else {
            s.startFresh();
        }
        return s;
    }

    private void startFresh() {
        index = 0;
        misses.clear();
        startedAt = clock.instant();
        resetStep();
        evidence.started(lesson.id(), lesson.version(), householdCode);
        save();
    }

    /** The one view showing this session (a redrawn view replaces the old one, so none piles up). */
    public void onChange(Runnable listener) {
        this.listener = listener;
    }

    // ---- what the player shows

    public LessonPack pack() {
        return pack;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Practised without a card: nothing is recorded for a household. */
    public boolean anonymous() {
        return householdCode == null;
    }

    public boolean done() {
        return index >= lesson.steps().size();
    }

    /** The current step; not defined once {@link #done()}. */
    public Step step() {
        return lesson.steps().get(Math.min(index, lesson.steps().size() - 1));
    }

    /** 1-based, for "Bước 3/8". */
    public int stepNumber() {
        return Math.min(index, lesson.steps().size() - 1) + 1;
    }

    public int stepCount() {
        return lesson.steps().size();
    }

    public Feedback feedback() {
        return feedback;
    }

    public int stepMisses() {
        return stepMisses;
    }

    public Optional<Choice> chosen() {
        return Optional.ofNullable(chosen).flatMap(id -> step().choice(id));
    }

    public String typed() {
        return typed;
    }

    /** The element (tap, type) or choice (choose) to highlight after two misses. */
    public Optional<String> highlight() {
        if (done() || stepMisses < HIGHLIGHT_AFTER) {
            return Optional.empty();
        }
        Step s = step();
        return switch (s.kind()) {
            case TAP, TYPE -> Optional.ofNullable(s.target());
            case CHOOSE -> s.choices().stream().filter(Choice::correct).map(Choice::id).findFirst();
            case INFO -> Optional.empty();
        };
    }

    /** Whether "Tiếp tục" moves on now: after reading an info step or answering a choose step right. */
    public boolean canContinue() {
        return !done() && (step().kind() == StepKind.INFO || answered);
    }

    public boolean canGoBack() {
        return !done() && index > 0;
    }

    /** Percent of the scored steps done without a miss; present once done. */
    public Optional<Integer> score() {
        return Optional.ofNullable(score);
    }

    // ---- what the resident does

    /** A touch on the simulated phone; {@code elementId} is null for a touch on no element. */
    public void tap(String elementId) {
        if (done() || step().kind() != StepKind.TAP) {
            return;
        }
        if (step().target().equals(elementId)) {
            finishStep();
        } else {
            miss(Feedback.WRONG_TAP);
        }
    }

    /** What the on-screen keyboard has in the field so far. */
    public void type(String text) {
        if (done() || step().kind() != StepKind.TYPE) {
            return;
        }
        typed = text == null ? "" : text;
        changed();
    }

    /** "Xong" under the keyboard. */
    public void submit() {
        if (done() || step().kind() != StepKind.TYPE) {
            return;
        }
        if (normal(typed, step().digitsOnly()).equals(normal(step().answer(), step().digitsOnly()))) {
            finishStep();
        } else {
            miss(Feedback.WRONG_TEXT);
        }
    }

    public void choose(String choiceId) {
        if (done() || step().kind() != StepKind.CHOOSE || answered) {
            return;
        }
        Optional<Choice> c = step().choice(choiceId);
        if (c.isEmpty()) {
            return;
        }
        chosen = choiceId;
        if (c.get().correct()) {
            answered = true;
            feedback = Feedback.RIGHT_CHOICE;
            changed();
        } else {
            miss(Feedback.WRONG_CHOICE);
        }
    }

    /** "Tiếp tục". */
    public void next() {
        if (canContinue()) {
            finishStep();
        }
    }

    /** "Quay lại": one step back, to do it again. */
    public void back() {
        if (!canGoBack()) {
            return;
        }
        index--;
        misses.remove(misses.size() - 1);
        resetStep();
        save();
        changed();
    }

    /** "Làm lại từ đầu". */
    public void restart() {
        score = null;
        startFresh();
        changed();
    }

    // ---- inside

    private void miss(Feedback kind) {
        stepMisses++;
        feedback = kind;
        changed();
    }

    private void finishStep() {
        evidence.step(lesson.id(), index + 1, step().id(), stepMisses == 0, stepMisses);
        misses.add(stepMisses);
        index++;
        resetStep();
        if (done()) {
            complete();
        } else {
            save();
        }
        changed();
    }

    private void complete() {
        int scored = 0;
        int firstTime = 0;
        for (int i = 0; i < lesson.steps().size(); i++) {
            if (lesson.steps().get(i).kind().scored()) {
                scored++;
                firstTime += misses.get(i) == 0 ? 1 : 0;
            }
        }
        score = scored == 0 ? 100 : Math.round(100f * firstTime / scored);
        long seconds = Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
        evidence.completed(lesson.id(), lesson.version(), householdCode, lesson.criteria(), score, seconds);
        store.clear(lesson.id(), learner);
    }

    private void resetStep() {
        stepMisses = 0;
        feedback = Feedback.NONE;
        chosen = null;
        typed = "";
        answered = false;
    }

    private void save() {
        store.save(learner, new Progress(lesson.id(), lesson.version(), index, misses, startedAt));
    }

    private void changed() {
        listener.run();
    }

    /** Same letters, same marks: case, outer spaces and (for numbers) inner spaces do not matter. */
    static String normal(String text, boolean digits) {
        String t = VietnameseInput.canonical(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).strip()
                .replaceAll("\\s+", " ")).toLowerCase(Locale.forLanguageTag("vi"));
        return digits ? t.replace(" ", "") : t;
    }
}
