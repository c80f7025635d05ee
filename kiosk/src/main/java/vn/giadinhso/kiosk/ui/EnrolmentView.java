package vn.giadinhso.kiosk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignQ;
import vn.giadinhso.kiosk.screen.EnrolmentModel;

/**
 * The first screen of a kiosk that is not enrolled: staff choose the PIN, give the enrolment code
 * (keypad or QR through the reader) and the hub's address. Touch only: every key is on screen.
 */
public final class EnrolmentView {

    private static final List<String> DIGITS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0");
    // "https://", not "http://": plain http is refused except on this machine (HubAddress).
    private static final List<String> ADDRESS_KEYS = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "0",
            ".", ":", "/", "-", "https://");

    private final EnrolmentModel model;
    private final StackPane root = new StackPane();

    public EnrolmentView(EnrolmentModel model) {
        this.model = model;
        model.onChange(this::render);
        render();
    }

    public StackPane node() {
        return root;
    }

    public Scene scene(double width, double height) {
        return KioskRoot.styled(new Scene(root, width, height));
    }

    private void render() {
        Texts t = new Texts(model.language());
        BorderPane page = new BorderPane();
        page.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        page.setPadding(new Insets(16));
        HBox top = new HBox(16);
        top.getChildren().addAll(LanguageButtons.of(model.languages(), model::switchLanguage));
        Label title = Widgets.title(t.get("enrol.title"));
        title.setId("enrol-title");
        top.getChildren().add(title);
        top.setAlignment(Pos.CENTER_LEFT);
        page.setTop(top);
        VBox body = switch (model.step()) {
            case PIN -> pinStep(t, t.get("enrol.pin"), model::pinTyped);
            case PIN_AGAIN -> pinStep(t, t.get("enrol.pinAgain"), model::pinAgain);
            case CODE -> codeStep(t);
            case HUB -> hubStep(t);
            case WORKING -> new VBox(24, Widgets.title(t.get("enrol.working")));
            case DONE -> new VBox(24, Widgets.title(t.get("enrol.done")));
        };
        model.message().ifPresent(m -> {
            Label l = Widgets.body(t.get(m));
            l.setId("enrol-message");
            l.getStyleClass().add("not-met");
            body.getChildren().add(1, l);
        });
        if (model.step() != EnrolmentModel.Step.PIN && model.step() != EnrolmentModel.Step.WORKING) {
            // Beside the field, not below the keypad: the code step must fit 1366×768.
            Button back = Widgets.button(t.get("back"), MaterialDesignA.ARROW_LEFT, "enrol-back", model::back);
            body.getChildren().stream().filter(n -> n instanceof HBox && "field-row".equals(n.getId())).findFirst()
                    .ifPresentOrElse(row -> ((HBox) row).getChildren().add(back), () -> body.getChildren().add(back));
        }
        body.setAlignment(Pos.CENTER);
        body.setMaxWidth(Double.MAX_VALUE);
        body.setId("enrol-step-" + model.step().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        BorderPane.setMargin(body, new Insets(16, 0, 0, 0));
        page.setCenter(body);
        root.getChildren().setAll(page);
    }

    private VBox pinStep(Texts t, String title, Consumer<String> ok) {
        PasswordField field = new PasswordField();
        field.setId("enrol-pin");
        field.setMaxWidth(400);
        field.getStyleClass().add("big-field");
        field.setOnAction(e -> ok.accept(field.getText()));
        List<String> keys = new ArrayList<>(DIGITS);
        return new VBox(16, Widgets.title(title), field, keypad(t, keys, 3, field, () -> ok.accept(field.getText())));
    }

    private VBox codeStep(Texts t) {
        TextField field = new TextField(model.code());
        field.setId("enrol-code");
        field.setMaxWidth(600);
        field.getStyleClass().add("big-field");
        field.setOnAction(e -> model.codeTyped(field.getText()));
        List<String> keys = new ArrayList<>();
        for (char c : EnrolmentModel.CODE_SYMBOLS.toCharArray()) {
            keys.add(String.valueOf(c));
        }
        keys.add("-");
        HBox hint = new HBox(16, Widgets.icon(MaterialDesignQ.QRCODE_SCAN, 48, "#0b3d91"), Widgets.body(t.get("enrol.codeHint")));
        hint.setAlignment(Pos.CENTER);
        return new VBox(12, Widgets.title(t.get("enrol.code")), hint, fieldRow(field),
                keypad(t, keys, 12, field, () -> model.codeTyped(field.getText())));
    }

    private VBox hubStep(Texts t) {
        TextField field = new TextField(model.hub());
        field.setId("enrol-hub");
        field.setMaxWidth(800);
        field.getStyleClass().add("big-field");
        field.setOnAction(e -> model.submit(field.getText()));
        return new VBox(16, Widgets.title(t.get("enrol.hub")), Widgets.body(t.get("enrol.hubHint")), fieldRow(field),
                keypad(t, ADDRESS_KEYS, 9, field, () -> model.submit(field.getText())));
    }

    private static HBox fieldRow(TextInputControl field) {
        HBox row = new HBox(24, field);
        row.setAlignment(Pos.CENTER);
        row.setId("field-row");
        return row;
    }

    /** Big keys, then ⌫ and OK; every key appends to {@code field} (there is no keyboard). */
    private static GridPane keypad(Texts t, List<String> keys, int columns, TextInputControl field, Runnable ok) {
        GridPane pad = new GridPane();
        pad.setHgap(10);
        pad.setVgap(10);
        pad.setAlignment(Pos.CENTER);
        int i = 0;
        for (String k : keys) {
            Button b = Widgets.button(k, null, "enrol-key-" + k, () -> field.appendText(k));
            b.getStyleClass().add("key");
            pad.add(b, i % columns, i / columns);
            i++;
        }
        Button del = Widgets.button(t.get("key.delete"), null, "enrol-key-del", () -> {
            String s = field.getText();
            field.setText(s.isEmpty() ? "" : s.substring(0, s.length() - 1));
        });
        del.getStyleClass().add("key");
        pad.add(del, i % columns, i / columns);
        i++;
        Button okKey = Widgets.button(t.get("key.ok"), null, "enrol-key-ok", ok);
        okKey.getStyleClass().add("key");
        pad.add(okKey, i % columns, i / columns);
        return pad;
    }
}
