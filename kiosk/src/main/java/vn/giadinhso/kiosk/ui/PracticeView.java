package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import vn.giadinhso.kiosk.lesson.LessonIcon;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.screen.KioskScreenModel;

/**
 * "Thực hành" without a card: every lesson as a large picture button with its title. Nothing here
 * is about a person, so it needs no card and records nothing for a household.
 */
final class PracticeView {

    private PracticeView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        FlowPane lessons = new FlowPane(16, 16);
        lessons.setAlignment(Pos.CENTER);
        lessons.setId("practice-lessons");
        for (LessonPack pack : model.practice().lessons()) {
            String id = pack.lesson().id();
            // The title is lesson data in the resident's language (the pack's own words).
            Button b = Widgets.button(pack.lesson().title().in(model.locale()), null, "practice-" + id,
                    () -> model.startLesson(id));
            b.setGraphic(picture(LessonIcon.of(pack.lesson())));
            b.setContentDisplay(ContentDisplay.TOP);
            b.setWrapText(true);
            b.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            // Wide enough for a two-line title at 28 px; at least 15 mm high by far.
            b.setPrefWidth(400);
            b.setMinHeight(170);
            lessons.getChildren().add(b);
        }
        if (lessons.getChildren().isEmpty()) {
            lessons.getChildren().add(Widgets.body(t.get("practice.none")));
        }
        ScrollPane scroll = new ScreenScrollPane(lessons);
        scroll.setFitToWidth(true);
        scroll.setId("practice-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label hint = Widgets.body(t.get("practice.hint"));
        hint.setMinHeight(Region.USE_PREF_SIZE); // wrapped in full, never cut short with "…"
        VBox words = new VBox(4, Widgets.title(t.get("practice.title")), hint);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox head = new HBox(24, Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::back), words);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(16, head, scroll);
        box.setId("practice");
        return box;
    }

    /** The lesson's icon, white on the button, in the icon font at full size (as {@link Widgets#icon}). */
    private static Node picture(String name) {
        FontIcon icon = new FontIcon();
        try {
            icon.setIconLiteral("mdi2" + name.charAt(0) + "-" + name);
        } catch (RuntimeException e) {
            icon.setIconLiteral("mdi2" + LessonIcon.FALLBACK.charAt(0) + "-" + LessonIcon.FALLBACK);
        }
        icon.setIconSize(64);
        icon.setIconColor(javafx.scene.paint.Color.WHITE);
        icon.setStyle(icon.getStyle() + "; -fx-icon-size: 64px; -fx-icon-color: #ffffff;");
        icon.getStyleClass().add("kiosk-icon");
        return icon;
    }
}
