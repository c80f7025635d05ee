package vn.giadinhso.kiosk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The few building blocks every view uses, so sizes and colours stay accessible everywhere. */
final class Widgets {

    private Widgets() {
    }

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title");
        l.setWrapText(true);
        return l;
    }

    static Label body(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("body");
        l.setWrapText(true);
        return l;
    }

    static Button button(String text, Ikon icon, String id, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("big-button");
        if (icon != null) {
            FontIcon i = new FontIcon(icon);
            i.setIconSize(40);
            i.setIconColor(javafx.scene.paint.Color.WHITE);
            b.setGraphic(i);
        }
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    static FontIcon icon(Ikon icon, int size, String colour) {
        FontIcon i = new FontIcon(icon);
        i.setIconSize(size);
        i.setIconColor(javafx.scene.paint.Color.web(colour));
        return i;
    }
}
