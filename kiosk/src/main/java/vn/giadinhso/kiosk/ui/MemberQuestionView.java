package vn.giadinhso.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.member.MemberAnswer;
import vn.giadinhso.kiosk.screen.KioskScreenModel;
import vn.giadinhso.kiosk.screen.MemberQuestionModel;
import vn.giadinhso.kiosk.ui.lesson.LessonPlayer;

/**
 * The question to the person whose own ID card was scanned (issue 15): three big answers, no
 * timer, and a way past it; then "staff will verify" for a yes, or the VNeID practice lesson and
 * a support request for a no or "not sure".
 */
final class MemberQuestionView {

    /** A short answer ("Chưa") is as easy to hit as a long one. */
    private static final double ANSWER_MIN_WIDTH = 240;

    private MemberQuestionView() {
    }

    static Node build(KioskScreenModel model, Texts t) {
        MemberQuestionModel question = model.memberQuestion();
        VBox box = question.answer().isEmpty() ? asking(model, t)
                : answered(model, t, question, question.answer().get());
        box.setAlignment(Pos.CENTER);
        box.setId("member-question");
        return box;
    }

    private static VBox asking(KioskScreenModel model, Texts t) {
        FlowPane answers = row();
        answers.getChildren().addAll(answer(model, t, MemberAnswer.YES, MaterialDesignC.CHECK_CIRCLE),
                answer(model, t, MemberAnswer.NO, MaterialDesignC.CLOSE_CIRCLE_OUTLINE),
                answer(model, t, MemberAnswer.UNSURE, MaterialDesignH.HELP_CIRCLE_OUTLINE));
        // The card's icon beside the question, not above it: on a 1024×768 panel the question
        // takes two lines and the answers must still show without scrolling.
        VBox words = new VBox(8, Widgets.title(t.get("member.vneid.question")), Widgets.body(t.get("member.vneid.hint")));
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox head = new HBox(24, Widgets.icon(MaterialDesignC.CARD_ACCOUNT_DETAILS_OUTLINE, 80, "#0b3d91"), words);
        head.setAlignment(Pos.CENTER_LEFT);
        return new VBox(24, head, answers, wide(Widgets.button(t.get("member.vneid.skip"), MaterialDesignA.ARROW_RIGHT,
                "member-skip", model::showHousehold)));
    }

    private static VBox answered(KioskScreenModel model, Texts t, MemberQuestionModel question, MemberAnswer answer) {
        FlowPane next = row();
        if (answer != MemberAnswer.YES) {
            for (LessonPack pack : question.lessons()) {
                next.getChildren().add(wide(Widgets.button(LessonPlayer.practiseLabel(t.language(),
                        pack.lesson().title().in(model.locale())), MaterialDesignS.SCHOOL,
                        "member-lesson-" + pack.lesson().id(), () -> model.startLesson(pack.lesson().id()))));
            }
            next.getChildren().add(wide(Widgets.button(t.get("member.vneid.support"), MaterialDesignH.HAND_BACK_RIGHT,
                    "member-support", model::openSupport)));
        }
        next.getChildren().add(wide(Widgets.button(t.get("member.vneid.continue"), MaterialDesignA.ARROW_RIGHT,
                "member-continue", model::showHousehold)));
        Ikon icon = answer == MemberAnswer.YES ? MaterialDesignA.ACCOUNT_CLOCK : MaterialDesignS.SCHOOL;
        return new VBox(24, Widgets.icon(icon, 96, "#0b3d91"), Widgets.title(t.get("member.vneid.thanks")),
                Widgets.body(t.get(answer == MemberAnswer.YES ? "member.vneid.yes" : "member.vneid.offer")), next);
    }

    private static Button answer(KioskScreenModel model, Texts t, MemberAnswer answer, Ikon icon) {
        Button b = Widgets.button(t.get("member.answer." + answer.name()), icon,
                "answer-" + answer.wire(), () -> model.answerMemberQuestion(answer));
        b.getStyleClass().add("answer-button"); // the height is in kiosk.css: a stylesheet beats setMinHeight
        b.setMinWidth(ANSWER_MIN_WIDTH); // wider where the words need it: never cut to "Đã kích …"
        return b;
    }

    /** Words wrap inside the button rather than being cut short with "…". */
    private static Button wide(Button b) {
        b.setWrapText(true);
        return b;
    }

    private static FlowPane row() {
        FlowPane row = new FlowPane(24, 16);
        row.setAlignment(Pos.CENTER);
        return row;
    }
}
