package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import vn.giadinhso.kiosk.screen.KioskScreenModel;

/** A plain-words message (not found, unreadable, request sent) with a way back. Never a stack trace. */
final class MessageView {

    private MessageView() {
    }

    static Node build(KioskScreenModel model, Texts t, String id, Ikon icon, String title, String text) {
        VBox box = new VBox(28, Widgets.icon(icon, 140, "#0b3d91"), Widgets.title(title), Widgets.body(text),
                Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "back", model::back));
        box.setAlignment(Pos.CENTER);
        box.setId(id);
        return box;
    }
}
