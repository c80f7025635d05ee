package vn.giadinhso.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.screen.KioskScreenModel;

/** "Quét thẻ để bắt đầu", where to hold the card, and the next sessions here. */
final class WelcomeView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private WelcomeView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        VBox sessions = new VBox(8, Widgets.body(t.get("welcome.sessions")));
        if (model.nextSessions().isEmpty()) {
            sessions.getChildren().add(Widgets.body(t.get("welcome.noSessions")));
        }
        for (Session s : model.nextSessions()) {
            sessions.getChildren().add(Widgets.data(Widgets.body("• " + WHEN.format(s.startsAt().atZone(model.zone())) + " — "
                    + s.topic() + (s.place() == null ? "" : " (" + s.place() + ")"))));
        }
        // The picture of where to hold the card: a card icon above the reader's arrow.
        HBox picture = new HBox(24, Widgets.icon(MaterialDesignC.CARD_ACCOUNT_DETAILS_OUTLINE, 160, "#0b3d91"),
                Widgets.icon(MaterialDesignC.CHEVRON_TRIPLE_DOWN, 120, "#0b3d91"));
        picture.setAlignment(Pos.CENTER);
        VBox box = new VBox(28, Widgets.title(t.get("welcome.title")), picture, Widgets.body(t.get("welcome.hint")), sessions);
        box.setAlignment(Pos.CENTER);
        box.setId("welcome");
        return box;
    }
}
