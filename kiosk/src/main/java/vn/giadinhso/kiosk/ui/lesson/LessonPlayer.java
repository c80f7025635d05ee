package vn.giadinhso.kiosk.ui.lesson;

import java.util.Locale;
import vn.giadinhso.kiosk.language.Language;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.giadinhso.kiosk.lesson.Choice;
import vn.giadinhso.kiosk.lesson.Feedback;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.LessonSession;
import vn.giadinhso.kiosk.lesson.Step;
import vn.giadinhso.kiosk.lesson.StepKind;
import vn.giadinhso.kiosk.lesson.TypingChoice;
import vn.giadinhso.kiosk.lesson.TypingMethod;
import vn.giadinhso.kiosk.lesson.VietnameseInput;

/**
 * The lesson on the whole window: the simulated phone on the left, the instruction, the gentle
 * word after a miss, the keyboard or the answers, and "Nghe lại", "Quay lại", "Tiếp tục" on the
 * right. A thin view over {@link LessonSession}; it redraws itself when the session changes.
 */
public final class LessonPlayer {

    /**
     * What the player needs from the kiosk around it. {@code language} gives the player's words
     * and each step's narration; the lesson's own words come already in that language
     * ({@link Language#lesson}). {@code typing} is the typing method the resident picked, kept
     * while they stay.
     */
    public record Host(Language language, Function<String, String> criterionText,
            Function<String, Optional<LessonPack>> lesson, Consumer<String> startLesson, Runnable exit,
            TypingChoice typing) {

        /** Vietnamese or English from the built-in strings alone. */
        public Host(Locale locale, Function<String, String> criterionText, Function<String, Optional<LessonPack>> lesson,
                Consumer<String> startLesson, Runnable exit, TypingChoice typing) {
            this(Language.builtIn(locale), criterionText, lesson, startLesson, exit, typing);
        }

        public Locale locale() {
            return language.locale();
        }
    }

    private final LessonSession session;
    private final Host host;
    private final StepNarration narration;
    private final LessonTexts t;
    private final StackPane root = new StackPane();
    private final double height;
    private final boolean compact;
    private String variantsOf;

    public LessonPlayer(LessonSession session, Host host, StepNarration narration, double height) {
        this.session = session;
        this.host = host;
        this.narration = narration;
        this.t = new LessonTexts(host.language());
        this.height = height;
        // A 768-pixel screen has no height to spare: tighter spacing and 60-px keys (15 mm there).
        this.compact = height < 900;
        if (compact) {
            root.getStyleClass().add("compact");
        }
        root.setId("lesson");
        root.getStyleClass().add("lesson");
        root.getStylesheets().add(LessonPlayer.class.getResource("lesson.css").toExternalForm());
        session.onChange(this::render);
        render();
    }

    /** "Thực hành: {title}", for the button that opens a lesson. */
    public static String practiseLabel(Locale locale, String title) {
        return LessonTexts.of(locale).get("practise", title);
    }

    /** As {@link #practiseLabel(Locale, String)}, in a language pack's words where it has them. */
    public static String practiseLabel(Language language, String title) {
        return new LessonTexts(language).get("practise", title);
    }

    public Node node() {
        return root;
    }

    private void render() {
        Step step = session.step();
        var phoneState = new PhoneView.State(step.kind() == StepKind.TYPE ? step.target() : null, session.typed(),
                session.done() ? Optional.empty() : session.highlight());
        Node phone = new PhoneView(session.pack(), host.locale(), phoneState, session::tap).build(step.screen(), height - 2 * pad());
        Node side = session.done() ? finished() : instructions(step);
        HBox.setHgrow(side, Priority.ALWAYS);
        HBox page = new HBox(32, phone, side);
        page.setPadding(new Insets(pad()));
        page.setAlignment(Pos.TOP_LEFT);
        root.getChildren().setAll(page);
        if (!session.done()) {
            narration.cue(session.lesson().id() + "#" + session.stepNumber(), host.language().stepNarration(session.pack(), step));
        } else {
            narration.stop();
        }
    }

    private Node instructions(Step step) {
        Label title = label(session.lesson().title().in(host.locale()) + "  ·  "
                + t.get("step", session.stepNumber(), session.stepCount()), "lesson-small");
        title.setId("lesson-step");
        Button exit = button(t.get("exit"), "lesson-exit", "mdi2p-pause-circle-outline", host.exit);
        exit.getStyleClass().add("lesson-secondary");
        exit.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(16, title, gap, exit);
        top.setAlignment(Pos.CENTER_LEFT);
        Label say = label(step.say().in(host.locale()), "lesson-say");
        say.setMinHeight(Region.USE_PREF_SIZE);
        say.setId("lesson-say");
        VBox side = new VBox(compact ? 6 : 12, top, say);
        feedback(step).ifPresent(side.getChildren()::add);
        switch (step.kind()) {
            case TYPE -> side.getChildren().add(keyboard(step));
            case CHOOSE -> side.getChildren().add(choices(step));
            default -> {
            }
        }
        session.pack().file(step.image()).ifPresent(p -> side.getChildren().add(
                new ImageView(new Image(p.toUri().toString(), 500, 300, true, true))));
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        Button replay = button(t.get("replay"), "lesson-replay", "mdi2v-volume-high",
                () -> narration.replay(host.language().stepNarration(session.pack(), step)));
        Button back = button(t.get("back"), "lesson-back", "mdi2a-arrow-left", session::back);
        back.setDisable(!session.canGoBack());
        Button next = button(t.get("next"), "lesson-next", "mdi2a-arrow-right", session::next);
        next.setDisable(!session.canContinue());
        HBox actions = new HBox(16, replay, back, next);
        if (session.feedback() == Feedback.RESUMED) {
            Button restart = button(t.get("restart"), "lesson-restart", "mdi2r-restart", session::restart);
            restart.getStyleClass().add("lesson-secondary");
            actions.getChildren().add(restart);
        }
        side.getChildren().addAll(fill, actions);
        return side;
    }

    private double pad() {
        return compact ? 12 : 20;
    }

    private Optional<Node> feedback(Step step) {
        String hint = step.hint() == null ? null : step.hint().in(host.locale());
        String text = switch (session.feedback()) {
            case NONE -> null;
            case RESUMED -> t.get("resumed", session.stepNumber());
            case WRONG_TAP -> t.get("wrongTap") + (hint != null ? " " + hint : "");
            case WRONG_TEXT -> t.get("wrongText") + (hint != null ? " " + hint : "");
            case WRONG_CHOICE -> t.get("wrongChoice") + " " + session.chosen().map(c -> c.why().in(host.locale())).orElse("");
            case RIGHT_CHOICE -> t.get("rightChoice") + " " + session.chosen().map(c -> c.why().in(host.locale())).orElse("");
        };
        if (text == null) {
            return Optional.empty();
        }
        if (session.highlight().isPresent() && step.kind() != StepKind.CHOOSE) {
            text += " " + t.get("highlight");
        }
        Label l = label(text, session.feedback() == Feedback.RIGHT_CHOICE ? "lesson-right" : "lesson-feedback");
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setId("lesson-feedback");
        return Optional.of(l);
    }

    private Node keyboard(Step step) {
        Label typed = label(t.get("typed") + " " + session.typed(), "lesson-typed");
        typed.setId("lesson-typed");
        typed.setMinHeight(Region.USE_PREF_SIZE);
        TypingMethod method = host.typing().method();
        VietKeyboard k = new VietKeyboard(t, session.typed(), method, variantsOf, compact ? 60 : 64, new VietKeyboard.Actions(
                session::type, session::submit, v -> {
                    variantsOf = v;
                    render();
                }, m -> {
                    host.typing().choose(m);
                    variantsOf = null;
                    render();
                }));
        if (step.digitsOnly()) {
            return new VBox(8, typed, k.digits());
        }
        HBox top = new HBox(16, typed);
        top.setAlignment(Pos.CENTER_LEFT);
        // The keys the resident's phone needs for this answer: "Theo Telex, gõ: nons las".
        String answer = step.answer() == null ? "" : step.answer();
        String keys = method.keysFor(answer);
        if (!keys.equals(method.keysFor(VietnameseInput.plain(answer)))) {
            Label how = label(method == TypingMethod.TONE_KEYS ? t.get("rule.TONE_KEYS")
                    : t.get("keys." + method.name(), keys), "lesson-keys");
            how.setId("typing-keys");
            how.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(how, Priority.ALWAYS);
            top.getChildren().add(how);
        }
        return new VBox(8, top, k.letters(answer));
    }

    private Node choices(Step step) {
        VBox list = new VBox(12);
        String highlighted = session.highlight().orElse(null);
        for (Choice c : step.choices()) {
            Button b = new Button(c.text().in(host.locale()));
            b.setId("choice-" + c.id());
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("lesson-choice");
            if (c.icon() != null) {
                b.setGraphic(icon("mdi2" + c.icon().charAt(0) + "-" + c.icon(), 44));
            }
            session.chosen().filter(x -> x.id().equals(c.id()))
                    .ifPresent(x -> b.getStyleClass().add(x.correct() ? "lesson-choice-right" : "lesson-choice-wrong"));
            if (c.id().equals(highlighted)) {
                b.getStyleClass().add("lesson-choice-highlight");
            }
            b.setOnAction(e -> session.choose(c.id()));
            list.getChildren().add(b);
        }
        return list;
    }

    private Node finished() {
        VBox box = new VBox(18);
        box.setId("lesson-finished");
        Label done = label(t.get("finished"), "lesson-title");
        FontIcon tick = icon("mdi2c-check-decagram", 64);
        tick.getStyleClass().add("lesson-done-icon");
        HBox head = new HBox(16, tick, done);
        head.setAlignment(Pos.CENTER_LEFT);
        // Without a card nothing is recorded, so the end says what the lesson teaches, not what it counts for.
        String anonymous = session.anonymous() ? "Anonymous" : "";
        box.getChildren().addAll(head, label(t.get("learnt"), "lesson-small"),
                label(session.lesson().learnt().in(host.locale()), "lesson-say"),
                label(t.get("counts" + anonymous), "lesson-small"));
        for (String c : session.lesson().criteria()) {
            Label criterion = label("• " + host.criterionText().apply(c), "lesson-criterion");
            criterion.setId("lesson-criterion-" + c);
            box.getChildren().add(criterion);
        }
        Label note = label(t.get("countsNote" + anonymous), "lesson-small");
        note.setId("lesson-counts-note");
        box.getChildren().add(note);
        session.score().ifPresent(s -> {
            Label score = label(t.get("score", s), "lesson-small");
            score.setId("lesson-score");
            box.getChildren().add(score);
        });
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        // One above the other: "Bài tiếp theo: <a long title>" beside "Chọn bài khác" squeezed both to "…".
        VBox actions = new VBox(12);
        Optional<LessonPack> next = host.lesson().apply(session.lesson().next());
        next.ifPresent(p -> {
            Button b = button(t.get("nextLesson", p.lesson().title().in(host.locale())), "lesson-next-lesson",
                    "mdi2s-school", () -> host.startLesson().accept(p.lesson().id()));
            b.setWrapText(true);
            b.setMinWidth(Region.USE_COMPUTED_SIZE);
            b.setMinHeight(Region.USE_PREF_SIZE);
            actions.getChildren().add(b);
        });
        Button finish = button(t.get("finish" + anonymous), "lesson-finish", "mdi2h-home", host.exit);
        finish.getStyleClass().add("lesson-secondary");
        actions.getChildren().add(finish);
        box.getChildren().addAll(fill, actions);
        return box;
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static Button button(String text, String id, String icon, Runnable action) {
        Button b = new Button(text);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(id);
        b.getStyleClass().add("lesson-button");
        b.setGraphic(icon(icon, 36));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static FontIcon icon(String literal, int size) {
        FontIcon i = new FontIcon();
        try {
            i.setIconLiteral(literal);
        } catch (RuntimeException e) {
            i.setIconLiteral("mdi2c-circle-outline");
        }
        i.setIconSize(size);
        return i;
    }
}
