package vn.giadinhso.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;

/** The nodes a resident can see under a root, for checks that walk a whole screen. */
final class VisibleNodes {

    private VisibleNodes() {
    }

    /** Visible nodes only, depth first: what is not shown cannot be touched, read or cut. */
    static List<Node> under(Parent p) {
        List<Node> out = new ArrayList<>();
        for (Node c : p.getChildrenUnmodifiable()) {
            if (!c.isVisible() || c.getOpacity() == 0) {
                continue;
            }
            out.add(c);
            if (c instanceof Parent child) {
                out.addAll(under(child));
            }
        }
        return out;
    }
}
