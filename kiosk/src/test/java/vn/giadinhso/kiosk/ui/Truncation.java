package vn.giadinhso.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Finds words a resident cannot read whole: a labelled control whose skin drew less than its text
 * (the ellipsis), or text that reaches past what shows it — its control, a clip such as the
 * simulated phone's screen, or the window. Call inside the FX step that laid the scene out.
 */
final class Truncation {

    /** Half a pixel of rounding either way is not a cut. */
    private static final double SLACK = 1.0;

    private Truncation() {
    }

    /** Every cut in {@code top}, each naming the control ("#id" or its class) and its text. */
    static List<String> find(Parent top, double width, double height) {
        List<String> out = new ArrayList<>();
        for (Node n : VisibleNodes.under(top)) {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
                Text drawn = drawnText(l);
                if (drawn == null) {
                    continue; // a graphic-only control, or one whose skin has not drawn yet
                }
                if (!drawn.getText().equals(l.getText())) {
                    out.add(name(l) + " '" + l.getText() + "' is cut to '" + drawn.getText() + "'");
                    continue;
                }
                Bounds box = l.localToScene(l.getLayoutBounds());
                Bounds words = drawn.localToScene(drawn.getLayoutBounds());
                if (words.getWidth() > box.getWidth() + SLACK) {
                    out.add(name(l) + " '" + l.getText() + "' is " + (int) words.getWidth() + " px wide in a "
                            + (int) box.getWidth() + "-px control");
                    continue;
                }
                outside(l, words, width, height).ifPresent(where -> out.add(name(l) + " '" + l.getText() + "' " + where));
            } else if (n instanceof Text t && !(n instanceof FontIcon) && !(t.getParent() instanceof Labeled)
                    && t.getText() != null && !t.getText().isBlank()) {
                Bounds words = t.localToScene(t.getLayoutBounds());
                outside(t, words, width, height).ifPresent(where -> out.add(name(t) + " '" + t.getText() + "' " + where));
            }
        }
        return out;
    }

    /** The text node a Labeled's skin draws: a direct child of the control. */
    private static Text drawnText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t && !(c instanceof FontIcon)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Where text reaches past a clip of an ancestor (the phone's rounded screen) or the window.
     * Inside a scrolling list only across matters: down is where a resident scrolls to.
     */
    private static java.util.Optional<String> outside(Node n, Bounds words, double width, double height) {
        boolean scrolls = false;
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                scrolls = true;
            }
        }
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() != null) {
                Bounds clip = p.localToScene(p.getClip().getBoundsInParent());
                if (beyond(words, clip, !inScrollPane(p))) {
                    return java.util.Optional.of("reaches past the edge of " + name(p) + " " + fmt(clip) + ": " + fmt(words));
                }
            }
        }
        if (words.getMinX() < -SLACK || words.getMaxX() > width + SLACK
                || !scrolls && (words.getMinY() < -SLACK || words.getMaxY() > height + SLACK)) {
            return java.util.Optional.of("is off the " + (int) width + "x" + (int) height + " window: " + fmt(words));
        }
        return java.util.Optional.empty();
    }

    private static boolean inScrollPane(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof ScrollPane) {
                return true;
            }
        }
        return false;
    }

    private static boolean beyond(Bounds words, Bounds clip, boolean vertically) {
        return words.getMinX() < clip.getMinX() - SLACK || words.getMaxX() > clip.getMaxX() + SLACK
                || vertically && (words.getMinY() < clip.getMinY() - SLACK || words.getMaxY() > clip.getMaxY() + SLACK);
    }

    private static String fmt(Bounds b) {
        return String.format("[%.0f,%.0f %.0fx%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    static String name(Node n) {
        if (n.getId() != null) {
            return "#" + n.getId();
        }
        String style = n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return n.getClass().getSimpleName() + style + " in #" + p.getId();
            }
        }
        return n.getClass().getSimpleName() + style;
    }
}
