package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.screen.KioskScreenModel;

/** "Tôi cần hỗ trợ": topics as big pictures, an optional phone number, one touch to send. */
final class SupportView {

    private SupportView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        TextField phone = new TextField();
        phone.setId("support-phone");
        phone.setPromptText(t.get("support.phone"));
        phone.setMaxWidth(600);
        phone.setStyle("-fx-font-size: 28px; -fx-min-height: 80px;");
        FlowPane topics = new FlowPane(20, 20);
        topics.setAlignment(Pos.CENTER);
        for (String topic : KioskScreenModel.SUPPORT_TOPICS) {
            Button b = Widgets.button(t.get("support." + topic), iconOf(topic), "support-" + topic,
                    () -> model.requestSupport(topic, phone.getText()));
            b.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            b.setMinSize(240, 180);
            topics.getChildren().add(b);
        }
        VBox box = new VBox(28, Widgets.title(t.get("support.title")), topics, Widgets.body(t.get("support.phone")), phone,
                Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::back));
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
