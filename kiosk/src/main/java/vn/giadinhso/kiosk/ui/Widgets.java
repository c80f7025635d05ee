package vn.giadinhso.kiosk.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** The few building blocks every view uses, so sizes and colours stay accessible everywhere. */
final class Widgets {

    private Widgets() {
    }

    // Words are wrapped, never cut short with "…" (KioskTruncationTest): labels keep the height
    // of all their lines, buttons the width of their words.

    static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Label body(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("body");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    static Button button(String text, Ikon icon, String id, Runnable action) {
        Button b = new Button(text) {
            // At least 80 px, and never narrower than its words unless they wrap. In code, not in
            // kiosk.css: a stylesheet's -fx-min-width overrides a view's own setMinWidth.
            @Override
            protected double computeMinWidth(double height) {
                return Math.max(80, isWrapText() ? super.computeMinWidth(height) : computePrefWidth(height));
            }
        };
        b.getStyleClass().add("big-button");
        if (icon != null) {
            b.setGraphic(icon(icon, 44, "#ffffff"));
            b.setGraphicTextGap(16);
        }
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * An icon of {@code size} px. Set as an inline style: the stylesheets otherwise win over
     * {@code setIconSize}/{@code setIconColor} and shrink every icon to a small dark glyph.
     */
    static FontIcon icon(Ikon icon, int size, String colour) {
        FontIcon i = new FontIcon(icon);
        i.setIconSize(size);
        i.setIconColor(javafx.scene.paint.Color.web(colour));
        // Added to the icon's own inline style (which holds its font family: replacing it draws
        // an empty box); inline beats the stylesheets, which would otherwise shrink the icon.
        i.setStyle(i.getStyle() + "; -fx-icon-size: " + size + "px; -fx-icon-color: " + colour + ";");
        i.getStyleClass().add("kiosk-icon");
        return i;
    }

    /**
     * Marks a label as data (names, session topics, language names), not interface text: it
     * is shown as it is in every language, so the bundle check leaves it alone.
     */
    static <T extends javafx.scene.Node> T data(T node) {
        node.getProperties().put(DATA, Boolean.TRUE);
        return node;
    }

    static final String DATA = "kiosk.data";
}
