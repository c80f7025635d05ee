package vn.giadinhso.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.attendance.Session;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.WelcomeModel;

/** "Quét thẻ để bắt đầu", where to hold the card, and the next sessions here. */
final class WelcomeView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM");

    private WelcomeView() {
    }

    /** @param height the window's height: a 768-pixel screen gets a smaller picture and tighter gaps */
    static Node build(KioskScreenModel model, Texts t, double height) {
        boolean compact = height < KioskRoot.COMPACT_BELOW;
        WelcomeModel welcome = model.welcome();
        VBox sessions = new VBox(8, Widgets.body(t.get("welcome.sessions")));
        if (welcome.nextSessions().isEmpty()) {
            sessions.getChildren().add(Widgets.body(t.get("welcome.noSessions")));
        }
        // Each line wraps beside "Thực hành"; a 768-pixel screen has room for two of them.
        for (Session s : welcome.nextSessions().stream().limit(compact ? 2 : 3).toList()) {
            sessions.getChildren().add(Widgets.data(Widgets.body("• " + WHEN.format(s.startsAt().atZone(welcome.zone())) + " — "
                    + s.topic() + (s.place() == null ? "" : " (" + s.place() + ")"))));
        }
        // The picture of where to hold the card: a card icon above the reader's arrow.
        HBox picture = new HBox(24, Widgets.icon(MaterialDesignC.CARD_ACCOUNT_DETAILS_OUTLINE, compact ? 112 : 160, "#0b3d91"),
                Widgets.icon(MaterialDesignC.CHEVRON_TRIPLE_DOWN, compact ? 84 : 120, "#0b3d91"));
        picture.setAlignment(Pos.CENTER);
        // "Thực hành" beside the sessions, not below them: the 1366×768 screen has no height to spare.
        HBox lower = new HBox(48, sessions);
        HBox.setHgrow(sessions, javafx.scene.layout.Priority.SOMETIMES);
        sessions.setMinWidth(0);
        lower.setAlignment(Pos.CENTER);
        // No card needed to practise: offered only when there is something to practise.
        if (welcome.practiceAvailable()) {
            Button practise = Widgets.button(t.get("welcome.practise"), MaterialDesignS.SCHOOL, "practise",
                    model::openPractice);
            // The button keeps its words whole (wrapped if need be, never cut short with "…").
            practise.setMinWidth(Region.USE_PREF_SIZE);
            practise.setWrapText(true);
            lower.getChildren().add(practise);
        }
        VBox box = new VBox(compact ? 14 : 28, Widgets.title(t.get("welcome.title")), picture, Widgets.body(t.get("welcome.hint")), lower);
        box.setAlignment(Pos.CENTER);
        box.setId("welcome");
        return box;
    }
}
