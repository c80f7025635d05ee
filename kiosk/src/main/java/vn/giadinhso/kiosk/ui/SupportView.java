package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.SupportModel;

/** "Tôi cần hỗ trợ": topics as big pictures, an optional phone number, one touch to send. */
final class SupportView {

    private SupportView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        TextField phone = new TextField();
        phone.setId("support-phone");
        // No prompt text: the label above says it, and a prompt is cut off in a phone-sized field.
        phone.setMaxWidth(600);
        phone.getStyleClass().add("big-field");
        FlowPane topics = new FlowPane(16, 16);
        topics.setAlignment(Pos.CENTER);
        for (String topic : SupportModel.TOPICS) {
            Button b = Widgets.button(t.get("support." + topic), iconOf(topic), "support-" + topic,
                    () -> model.requestSupport(topic, phone.getText()));
            b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            b.setMinSize(220, 150);
            topics.getChildren().add(b);
        }
        HBox phoneRow = new HBox(24, phone, Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::back));
        phoneRow.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, Widgets.title(t.get("support.title")), topics, Widgets.body(t.get("support.phone")), phoneRow);
        box.setAlignment(Pos.CENTER);
        box.setId("support");
        return box;
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
