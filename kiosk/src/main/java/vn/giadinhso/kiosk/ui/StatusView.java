package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.household.CriteriaSet;
import vn.giadinhso.kiosk.household.CriterionState;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.screen.KioskScreenModel;

/** A household's progress and each criterion with icon, colour and words; missing ones first. */
final class StatusView {

    private StatusView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        Household h = model.household().orElseThrow();
        CriteriaSet set = model.status().criteriaSet().orElse(null);
        VBox list = new VBox(4);
        for (CriterionState c : h.missingFirst()) {
            list.getChildren().add(row(model, t, set, c));
        }
        ScrollPane scroll = new ScreenScrollPane(list);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label progress = Widgets.title(t.get("status.progress", h.met(), h.applicable()));
        progress.setId("progress");
        // Name and progress on one line: the list of criteria gets the height.
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(24, Widgets.data(Widgets.title(h.displayName() + " — " + h.village())), gap, progress);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, header, Widgets.body(t.get("status.missingFirst")), scroll);
        box.setId("status");
        return box;
    }

    private static Node row(KioskScreenModel model, Texts t, CriteriaSet set, CriterionState c) {
        String text = set == null ? c.id() : set.criterion(c.id()).map(k -> k.text().in(model.locale())).orElse(c.id());
        Label status = Widgets.body(t.get("status." + c.status().name()));
        status.getStyleClass().add(styleOf(c.status()));
        Label name = Widgets.data(Widgets.body(text));
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(16, Widgets.icon(iconOf(c.status()), 48, colourOf(c.status())), name, status);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox cell = new VBox(8, row);
        cell.getStyleClass().add("criterion");
        if (c.status() == CriterionStatus.NOT_MET) {
            HBox actions = new HBox(16);
            actions.setAlignment(Pos.CENTER_LEFT);
            actions.getChildren().add(Widgets.button(t.get("status.declare"), MaterialDesignH.HAND_OKAY, "declare-" + c.id(),
                    () -> model.declare(c.id())));
            model.status().phoneSteps().link(c.id()).ifPresentOrElse(link -> {
                ImageView qr = new ImageView(QrCodeImage.of(link, 200));
                actions.getChildren().addAll(qr, Widgets.body(t.get("status.phoneStep") + "\n" + link));
            }, () -> actions.getChildren().add(Widgets.body(t.get("status.practice"))));
            // Practice on the simulated phone: counts as PRACTISED once done, never MET.
            for (var pack : model.status().lessonsFor(c.id())) {
                Button practise = Widgets.button(vn.giadinhso.kiosk.ui.lesson.LessonPlayer.practiseLabel(t.language(),
                        pack.lesson().title().in(model.locale())), MaterialDesignS.SCHOOL, "lesson-" + c.id() + "-"
                        + pack.lesson().id(), () -> model.startLesson(pack.lesson().id()));
                practise.setWrapText(true);
                cell.getChildren().add(practise);
            }
            cell.getChildren().add(actions);
        }
        return cell;
    }

    private static Ikon iconOf(CriterionStatus s) {
        return switch (s) {
            case MET, PRACTISED -> MaterialDesignC.CHECK_CIRCLE;
            case DECLARED -> MaterialDesignA.ACCOUNT_CLOCK;
            case NOT_MET -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
            case NOT_APPLICABLE -> MaterialDesignM.MINUS_CIRCLE_OUTLINE;
        };
    }

    private static String colourOf(CriterionStatus s) {
        return switch (s) {
            case MET, PRACTISED -> "#0a5c1a";
            case DECLARED -> "#5a3d00";
            case NOT_MET -> "#8a0000";
            case NOT_APPLICABLE -> "#404040";
        };
    }

    private static String styleOf(CriterionStatus s) {
        return switch (s) {
            case MET, PRACTISED -> "met";
            case DECLARED -> "declared";
            default -> "not-met";
        };
    }
}
