package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.SupportModel;

/**
 * "Tôi cần hỗ trợ": topics as big pictures on the left; on the right an optional phone number
 * typed on a large digit keypad (a kiosk has no keyboard). One touch on a topic sends.
 */
final class SupportView {

    private SupportView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        SupportModel support = model.support();
        FlowPane topics = new FlowPane(16, 16);
        topics.setAlignment(Pos.CENTER);
        topics.setPrefWrapLength(3 * TOPIC_WIDTH + 2 * 16);
        for (String topic : SupportModel.TOPICS) {
            Button b = Widgets.button(t.get("support." + topic), iconOf(topic), "support-" + topic,
                    () -> model.requestSupport(topic));
            b.setContentDisplay(ContentDisplay.TOP);
            b.setWrapText(true);
            b.setMinSize(TOPIC_WIDTH, 120);
            b.setPrefWidth(TOPIC_WIDTH);
            b.setMaxWidth(TOPIC_WIDTH);
            topics.getChildren().add(b);
        }
        // "Quay lại" beside the heading, not below the topics: the 1366×768 screen has no height to spare.
        Label title = Widgets.title(t.get("support.title"));
        HBox.setHgrow(title, Priority.ALWAYS);
        HBox head = new HBox(24, Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::back), title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(16, head, topics);
        left.setAlignment(Pos.CENTER);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox box = new HBox(40, left, keypad(model, support, t));
        box.setAlignment(Pos.CENTER);
        box.setId("support");
        return box;
    }

    /**
     * The number as typed, then the keys in three rows of four (1–8, then 9, 0 and a wide "Xoá"):
     * 100×72 px, well over 15 mm on the kiosk's screens, and three rows keep the screen within
     * 1366×768 beside the topics.
     */
    private static Node keypad(KioskScreenModel model, SupportModel support, Texts t) {
        TextField phone = new TextField(support.phoneShown());
        phone.setId("support-phone");
        // Shown, not typed into: the keys below fill it (and no on-screen keyboard pops up).
        phone.setEditable(false);
        phone.setFocusTraversable(false);
        phone.setMaxWidth(WIDTH);
        phone.getStyleClass().add("big-field");
        phone.setStyle("-fx-min-height: 72px;");
        Widgets.data(phone);
        GridPane pad = new GridPane();
        pad.setHgap(12);
        pad.setVgap(12);
        pad.setAlignment(Pos.CENTER);
        pad.setId("support-keypad");
        for (int d = 1; d <= 9; d++) {
            pad.add(key(String.valueOf(d), "support-key-" + d, digit(model, d)), (d - 1) % COLUMNS, (d - 1) / COLUMNS);
        }
        pad.add(key("0", "support-key-0", digit(model, 0)), 1, 2);
        pad.add(key(t.get("key.delete"), "support-key-del", model::deleteDigit), 2, 2, 2, 1);
        Label label = Widgets.body(t.get("support.phone"));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        VBox right = new VBox(12, label, phone, pad);
        support.problem().ifPresent(p -> {
            Label l = Widgets.body(t.get(p));
            l.setId("support-phone-problem");
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add("not-met");
            right.getChildren().add(2, l);
        });
        right.setAlignment(Pos.CENTER);
        right.setMaxWidth(WIDTH + 40);
        right.setMinWidth(WIDTH);
        return right;
    }

    private static final int COLUMNS = 4;
    private static final int KEY_WIDTH = 100;
    private static final double WIDTH = COLUMNS * KEY_WIDTH + (COLUMNS - 1) * 12;
    private static final double TOPIC_WIDTH = 200;

    private static Runnable digit(KioskScreenModel model, int d) {
        return () -> model.pressDigit(d);
    }

    private static Button key(String label, String id, Runnable action) {
        Button b = Widgets.button(label, null, id, action);
        b.getStyleClass().add("key");
        b.setMinSize(KEY_WIDTH, 72);
        b.setStyle("-fx-min-height: 72px; -fx-pref-width: " + KEY_WIDTH + "px;");
        b.setMaxWidth(Double.MAX_VALUE);
        return b;
    }

    private static Ikon iconOf(String topic) {
        return switch (topic) {
            case "vneid" -> MaterialDesignC.CARD_ACCOUNT_DETAILS;
            case "public-services" -> MaterialDesignB.BANK;
            case "payments" -> MaterialDesignC.CASH_MULTIPLE;
            case "scam" -> MaterialDesignS.SHIELD_ALERT;
            default -> MaterialDesignC.CHAT_QUESTION;
        };
    }
}
