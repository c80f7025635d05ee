package vn.giadinhso.kiosk.ui.lesson;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.giadinhso.kiosk.lesson.VietnameseInput;

/**
 * The on-screen keyboard: big keys, no Telex or VNI. Plain letters; ă â đ ê ô ơ ư in their own row
 * or by holding a letter; a row of the five tone marks that puts the mark on the right vowel of
 * the last word. Digits-only steps get a telephone keypad instead. Keys are at least 64 px
 * (about 16 mm on a 21.5" 1080p panel).
 */
final class VietKeyboard {

    private static final long LONG_PRESS_MS = 500;
    private static final List<String> ROWS = List.of("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final List<String> MARKED = List.of("ă", "â", "đ", "ê", "ô", "ơ", "ư");

    private final LessonTexts t;
    private final String text;
    private final Consumer<String> onText;
    private final Runnable onDone;
    private final String variantsOf;
    private final Consumer<String> onVariants;
    private long pressedAt;

    /**
     * @param variantsOf the letter whose long-press variants are open, or null
     * @param onVariants opens (letter) or closes (null) the variants row; the player keeps that state
     */
    VietKeyboard(LessonTexts t, String text, Consumer<String> onText, Runnable onDone, String variantsOf,
            Consumer<String> onVariants) {
        this.t = t;
        this.text = text;
        this.onText = onText;
        this.onDone = onDone;
        this.variantsOf = variantsOf;
        this.onVariants = onVariants;
    }

    Node digits() {
        GridPane pad = new GridPane();
        pad.setHgap(10);
        pad.setVgap(10);
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "✓"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = switch (k) {
                case "⌫" -> key("⌫", "key-back", this::backspace);
                case "✓" -> key(t.get("done"), "key-done", onDone);
                default -> key(k, "key-" + k, () -> onText.accept(text + k));
            };
            b.setMinSize(120, 76);
            if ("✓".equals(k)) {
                b.getStyleClass().add("key-done");
            }
            pad.add(b, i % 3, i / 3);
        }
        pad.setAlignment(Pos.CENTER_LEFT);
        return pad;
    }

    /** Letters; the digit row only when the answer needs digits, so the keyboard fits a 768-pixel screen. */
    Node letters(boolean withDigits) {
        VBox rows = new VBox(6);
        for (String row : ROWS) {
            if (!withDigits && Character.isDigit(row.charAt(0))) {
                continue;
            }
            HBox r = new HBox(6);
            for (char c : row.toCharArray()) {
                r.getChildren().add(letter(String.valueOf(c)));
            }
            if (row.startsWith("z")) {
                Button back = key("⌫", "key-back", this::backspace);
                back.setMinWidth(96);
                Button space = key(t.get("space"), "key-space", () -> onText.accept(text + " "));
                space.setMinWidth(220);
                r.getChildren().addAll(back, space);
            }
            rows.getChildren().add(r);
        }
        if (variantsOf != null) {
            HBox v = new HBox(6, small(t.get("variants")));
            v.setAlignment(Pos.CENTER_LEFT);
            for (String s : VietnameseInput.variants(variantsOf.charAt(0))) {
                v.getChildren().add(key(s, "variant-" + s, () -> {
                    onVariants.accept(null);
                    onText.accept(text + s);
                }));
            }
            rows.getChildren().add(v);
        }
        HBox marked = new HBox(6);
        for (String m : MARKED) {
            marked.getChildren().add(key(m, "key-" + m, () -> onText.accept(text + m)));
        }
        HBox tones = new HBox(6);
        for (VietnameseInput.Tone tone : VietnameseInput.Tone.values()) {
            Button b = key(tone.sample() + " " + tone.nameVi, "tone-" + tone.name(),
                    () -> onText.accept(VietnameseInput.applyTone(text, tone)));
            b.setMinWidth(124);
            tones.getChildren().add(b);
        }
        Button done = key(t.get("done"), "key-done", onDone);
        done.getStyleClass().add("key-done");
        done.setMinWidth(150);
        tones.getChildren().add(done);
        // The marks speak for themselves ("á sắc"); no heading rows, to keep the height.
        rows.getChildren().addAll(marked, tones);
        return rows;
    }

    private Button letter(String s) {
        Button b = key(s, "key-" + s, () -> { });
        // A tap types the letter; a long press opens its variants (ă â, ê, ô ơ, ư, đ) instead.
        // Measured between press and release, so there is no timer.
        b.setOnAction(null);
        b.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressedAt = System.currentTimeMillis());
        b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            boolean held = System.currentTimeMillis() - pressedAt >= LONG_PRESS_MS;
            if (held && !VietnameseInput.variants(s.charAt(0)).isEmpty()) {
                onVariants.accept(s);
            } else {
                onText.accept(text + s);
            }
        });
        return b;
    }

    private void backspace() {
        if (!text.isEmpty()) {
            String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
            onText.accept(nfc.substring(0, nfc.length() - 1));
        }
    }

    private static Label small(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("lesson-small");
        return l;
    }

    private static Button key(String label, String id, Runnable action) {
        Button b = new Button(label);
        b.setId(id);
        b.getStyleClass().add("key");
        b.setMinSize(64, 64);
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
