package vn.giadinhso.kiosk.ui;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;
import vn.giadinhso.kiosk.screen.ConnectionState;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.lesson.TypingChoice;
import vn.giadinhso.kiosk.ui.lesson.LessonPlayer;
import vn.giadinhso.kiosk.ui.lesson.MediaNarrator;
import vn.giadinhso.kiosk.ui.lesson.StepNarration;
import vn.giadinhso.kiosk.language.Language;
import vn.giadinhso.kiosk.language.Narration;
import vn.giadinhso.kiosk.speech.Voice;

/**
 * The window's content: a top bar (language, online/reader state, staff), the current screen,
 * "Tôi cần hỗ trợ" at the bottom of every screen, the idle countdown on top, and in demo mode a
 * panel of cards to "scan" (also keys 1–9).
 */
public final class KioskRoot {

    private final KioskScreenModel model;
    private final Stage stage;
    private final List<DemoCard> demoCards;
    private final Consumer<String> demoScan;
    private final Voice voice;
    private final KioskSession session;
    private final Runnable exit;
    private final StackPane root = new StackPane();
    private final StepNarration narration;
    /** The typing method the resident picked in a lesson, kept while they stay (issue 13). */
    private final TypingChoice typing = new TypingChoice();
    private Label connectionState;
    private List<Object> lastSpoken = List.of();

    /**
     * @param demoScan where a demo card's payload goes: the simulated reader, so a demo scan
     *                 takes the same path as a real one
     * @param voice    says each screen's instructions when the screen changes, and on "Nghe lại"
     */
    public KioskRoot(KioskScreenModel model, Stage stage, List<DemoCard> demoCards, Consumer<String> demoScan,
            Voice voice) {
        this(model, stage, demoCards, demoScan, voice, KioskSession.desktop(), () -> { });
    }

    /**
     * @param session under a compositor (cage) the staff screen offers a restart instead of
     *                leaving full screen
     * @param exit    ends the window (JavaFX's Platform.exit) after staff asked for a restart
     */
    public KioskRoot(KioskScreenModel model, Stage stage, List<DemoCard> demoCards, Consumer<String> demoScan,
            Voice voice, KioskSession session, Runnable exit) {
        this.session = session;
        this.exit = exit;
        this.model = model;
        this.stage = stage;
        this.demoCards = List.copyOf(demoCards);
        this.demoScan = demoScan;
        this.voice = voice;
        this.narration = new StepNarration(new MediaNarrator(voice));
        model.onChange(this::render);
        // Live, but only the indicator: redrawing the screen would wipe what someone is typing.
        model.onConnectionChange(c -> {
            if (connectionState != null) {
                connectionState.setText(connectionText(new Texts(model.language()), c));
            }
        });
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.noteTouch());
        root.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> model.noteTouch());
        render();
    }

    /** A scene with the theme and the kiosk's own large-text stylesheet; idle ticks start here. */
    public Scene scene(double width, double height) {
        Scene scene = styled(new Scene(root, width, height));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::demoKey);
        // The window sized to another screen lays out again: a 768-pixel screen gets the compact
        // welcome and lesson layouts (WelcomeView, LessonPlayer), a 1080-pixel one the roomy ones.
        scene.heightProperty().addListener((o, was, now) -> {
            if ((was.doubleValue() < COMPACT_BELOW) != (now.doubleValue() < COMPACT_BELOW)) {
                render();
            }
        });
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        ticks.play();
        // A scene replaced in its window (tests, a restart of the screen) stops ticking.
        scene.windowProperty().addListener((o, was, now) -> {
            if (now == null) {
                ticks.stop();
            }
        });
        return scene;
    }

    /** The theme and the kiosk's own large-text stylesheet (also for the enrolment screen). */
    static Scene styled(Scene scene) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        scene.getStylesheets().add(KioskRoot.class.getResource("kiosk.css").toExternalForm());
        return scene;
    }

    public StackPane node() {
        return root;
    }

    private void render() {
        Texts t = new Texts(model.language());
        if (model.screen() == vn.giadinhso.kiosk.screen.Screen.LESSON && model.lesson().isPresent()) {
            // The lesson takes the whole window: the phone needs the height, the keyboard the width.
            root.getChildren().setAll(lessonPlayer());
            model.countdown().ifPresent(seconds -> root.getChildren().add(countdown(t, seconds)));
            return;
        }
        narration.stop();
        if (model.screen() == vn.giadinhso.kiosk.screen.Screen.WELCOME) {
            typing.forget(); // the next resident starts with the commonest method again
        }
        BorderPane page = new BorderPane();
        page.setPadding(new Insets(16));
        page.setTop(topBar(t));
        Node screen = switch (model.screen()) {
            case WELCOME -> WelcomeView.build(model, t, height());
            case STATUS -> StatusView.build(model, t);
            case MEMBER_QUESTION -> MemberQuestionView.build(model, t);
            case NOT_FOUND -> MessageView.build(model, t, "not-found", MaterialDesignA.ACCOUNT_QUESTION,
                    t.get("notFound.title"), t.get("notFound.text"));
            case ASK_HOUSEHOLD_CARD -> MessageView.build(model, t, "ask-household-card", MaterialDesignQ.QRCODE_SCAN,
                    t.get("ambiguous.title"), t.get("ambiguous.text"));
            case UNREADABLE -> MessageView.build(model, t, "unreadable", MaterialDesignC.CARD_REMOVE_OUTLINE,
                    t.get("unreadable.title"), t.get("unreadable.text"));
            case CARD_REVOKED -> MessageView.build(model, t, "card-revoked", MaterialDesignC.CARD_REMOVE_OUTLINE,
                    t.get("revoked.title"), t.get("revoked.text"));
            case CARD_EXPIRED -> MessageView.build(model, t, "card-expired", MaterialDesignC.CARD_REMOVE_OUTLINE,
                    t.get("expired.title"), t.get("expired.text"));
            case SUPPORT -> SupportView.build(model, t);
            case SUPPORT_SENT -> MessageView.build(model, t, "support-sent", MaterialDesignC.CHECK_CIRCLE,
                    t.get("support.sentTitle"), t.get("support.sent"));
            case STAFF_PIN -> StaffViews.pin(model, t);
            case STAFF -> StaffViews.menu(model, t, stage, session, exit);
            case ATTENDANCE -> StaffViews.attendance(model, t);
            case OPEN_SESSION -> StaffViews.openSession(model, t);
            case PRACTICE -> PracticeView.build(model, t);
            case LESSON -> WelcomeView.build(model, t, height()); // drawn above; here only when no lesson is open
        };
        BorderPane.setMargin(screen, new Insets(12, 0, 12, 0));
        page.setCenter(screen);
        page.setBottom(bottomBar(t));
        root.getChildren().setAll(page);
        model.countdown().ifPresent(seconds -> root.getChildren().add(countdown(t, seconds)));
        // Spoken once per new screen (or language), not on every redraw of the same screen.
        List<Object> now = List.of(model.locale(), model.spoken());
        if (!now.equals(lastSpoken)) {
            lastSpoken = now;
            speak(t);
        }
    }

    /** The screen's instructions: recorded in the language's pack, or synthesised, or (see Language#narrate) not at all. */
    private void speak(Texts t) {
        Narration said = t.language().narrate(model.spoken().stream()
                .map(s -> new Language.Line(s.key(), s.args())).toList());
        if (said instanceof Narration.Recorded r) {
            voice.play(r.files());
        } else if (said instanceof Narration.Synthesised s) {
            voice.say(s.text(), s.voice());
        }
    }

    /** Window heights under this get the compact layouts (a 1366×768 panel). */
    static final double COMPACT_BELOW = 900;

    private double height() {
        return root.getScene() == null ? 768 : root.getScene().getHeight();
    }

    private Node lessonPlayer() {
        double height = height();
        return new LessonPlayer(model.lesson().orElseThrow(), new LessonPlayer.Host(model.language(),
                id -> model.status().criterionText(id, model.locale()), model.lessonModel()::pack, model::startLesson,
                model::leaveLesson, typing), narration, height).node();
    }

    private Node topBar(Texts t) {
        HBox bar = new HBox(16);
        bar.getChildren().addAll(LanguageButtons.of(model.languages(), model::switchLanguage));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // Small on purpose: staff can read it, a resident can ignore it.
        Label state = new Label(connectionText(t, model.connection()));
        state.getStyleClass().add("small-status");
        state.setId("connection-state");
        // On a 1024-px-wide panel the line does not fit beside the buttons: it wraps onto a second
        // line (still within the buttons' height) instead of being cut short (MemberQuestionWindowTest).
        state.setWrapText(true);
        connectionState = state;
        Button staff = Widgets.button(t.get("staff.open"), MaterialDesignA.ACCOUNT_TIE, "staff", model::openStaff);
        bar.getChildren().addAll(gap, state, staff);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static String connectionText(Texts t, ConnectionState c) {
        return (c.online() ? "● " + t.get("online") : "○ " + t.get("offline")) + "   "
                + t.get("reader") + ": " + t.get("reader." + c.reader().name());
    }

    private Node bottomBar(Texts t) {
        Button help = Widgets.button(t.get("help"), MaterialDesignH.HAND_BACK_RIGHT, "help", model::openSupport);
        help.getStyleClass().setAll("button", "help-button");
        Button listen = Widgets.button(t.get("listen"), MaterialDesignV.VOLUME_HIGH, "listen-again", () -> speak(t));
        HBox buttons = new HBox(24, listen, help);
        buttons.setAlignment(Pos.CENTER);
        VBox bottom = new VBox(12, buttons);
        bottom.setAlignment(Pos.CENTER);
        if (!demoCards.isEmpty()) {
            // One row that scrolls sideways: the demo must not take the screen's height from the resident.
            HBox panel = new HBox(8);
            panel.setAlignment(Pos.CENTER_LEFT);
            panel.getStyleClass().add("demo-panel");
            panel.getChildren().add(new Label(t.get("demo.title") + ":"));
            for (int i = 0; i < demoCards.size(); i++) {
                DemoCard card = demoCards.get(i);
                String label = card.labelKey() == null ? card.label() : t.get(card.labelKey(), card.label());
                Button b = Widgets.data(new Button((i < 9 ? (i + 1) + ". " : "") + label));
                b.setId("demo-" + i);
                b.setMinHeight(72);
                b.setOnAction(e -> demoScan.accept(card.payload()));
                panel.getChildren().add(b);
            }
            ScrollPane strip = new ScreenScrollPane(panel);
            strip.setFitToHeight(true);
            strip.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
            strip.setId("demo-panel");
            bottom.getChildren().add(strip);
        }
        return bottom;
    }

    private Node countdown(Texts t, int seconds) {
        VBox box = new VBox(24, Widgets.title(t.get("idle.question")), Widgets.body(t.get("idle.countdown", seconds)),
                Widgets.button(t.get("idle.stay"), MaterialDesignH.HAND_WAVE, "stay", model::stay));
        box.getStyleClass().add("countdown");
        box.setAlignment(Pos.CENTER);
        box.setMaxSize(900, 500);
        box.setId("countdown");
        // The page dimmed behind the question, so the question is what the eye finds first.
        StackPane scrim = new StackPane(box);
        scrim.getStyleClass().add("scrim");
        return scrim;
    }

    private void demoKey(KeyEvent e) {
        if (e.getCode().isDigitKey() && e.getCode() != KeyCode.DIGIT0 && e.getCode() != KeyCode.NUMPAD0) {
            int n = Integer.parseInt(e.getText().isEmpty() ? "0" : e.getText()) - 1;
            if (n >= 0 && n < demoCards.size() && model.screen() != vn.giadinhso.kiosk.screen.Screen.STAFF_PIN) {
                demoScan.accept(demoCards.get(n).payload());
            }
        }
    }
}
