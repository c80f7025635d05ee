package vn.giadinhso.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane whose viewport is drawn, not cached. JavaFX's skin caches the viewport as a bitmap
 * so scrolling repaints less; with the software renderer (the launcher's {@code -Dprism.order=sw})
 * that bitmap is a heap array as large as the viewport (~5 MB on a full-width list), made anew for
 * every screen a scan builds, and that churn grew the heap to its cap (issue 13, "Lighter and faster").
 * The kiosk's lists are short and scrolled by touch now and then, so the cache buys nothing here.
 */
final class ScreenScrollPane extends ScrollPane {

    ScreenScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        skin.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("viewport"))
                .forEach(n -> n.setCache(false));
        return skin;
    }
}
