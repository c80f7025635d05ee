package vn.giadinhso.kiosk.ui.lesson;

import java.text.Normalizer;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.giadinhso.kiosk.lesson.TypingMethod;
import vn.giadinhso.kiosk.lesson.VietnameseInput;

/**
 * The on-screen keyboard, typing as the resident's phone does: Telex or VNI (the choice sits
 * beside the letters and is kept for the visit), or the kiosk's own tone keys for someone who
 * does not type on a phone yet. Digits-only steps get a telephone keypad instead. Every key is
 * at least 15 mm (64 px on a 21.5" 1080p panel, 60 px on a 15.6" 768p one) and never narrower
 * than its label: keys carry their own style class, not the PIN pad's fixed-width {@code .key}
 * from kiosk.css.
 */
final class VietKeyboard {

    private static final long LONG_PRESS_MS = 500;
    private static final String DIGITS = "1234567890";
    private static final List<String> LETTERS = List.of("qwertyuiop", "asdfghjkl", "zxcvbnm");
    private static final List<String> MARKED = List.of("ă", "â", "đ", "ê", "ô", "ơ", "ư");

    /** What the keyboard reports back to the player, which keeps the state. */
    record Actions(Consumer<String> onText, Runnable onDone, Consumer<String> onVariants,
            Consumer<TypingMethod> onMethod) {
    }

    private final LessonTexts t;
    private final String text;
    private final TypingMethod method;
    private final String variantsOf;
    private final Actions actions;
    private final double keySize;
    private long pressedAt;

    /** @param variantsOf the letter whose long-press variants are open (tone keys only), or null */
    /** @param keySize the smallest side of a key in px: at least 15 mm on the panel */
    VietKeyboard(LessonTexts t, String text, TypingMethod method, String variantsOf, double keySize, Actions actions) {
        this.keySize = keySize;
        this.t = t;
        this.text = text;
        this.method = method;
        this.variantsOf = variantsOf;
        this.actions = actions;
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
                case "✓" -> done();
                default -> key(k, "key-" + k, () -> actions.onText().accept(text + k));
            };
            b.setMinSize(120, 76);
            pad.add(b, i % 3, i / 3);
        }
        pad.setAlignment(Pos.CENTER_LEFT);
        return pad;
    }

    /**
     * Letters, with the method's own keys: VNI always has the digit row (its digits are the
     * marks); Telex and the tone keys only when the answer has digits, to fit a 768-pixel screen.
     */
    Node letters(String answer) {
        VBox rows = new VBox(6);
        if (method == TypingMethod.VNI || answer.chars().anyMatch(Character::isDigit)) {
            rows.getChildren().add(row(DIGITS));
        }
        for (String r : LETTERS) {
            rows.getChildren().add(row(r));
        }
        // Dossier codes and passwords have dots and dashes (H21.52-261120-0012): beside the z row,
        // where a phone keyboard has them, with any other sign the answer needs.
        HBox last = (HBox) rows.getChildren().get(rows.getChildren().size() - 1);
        StringBuilder signs = new StringBuilder(".-");
        answer.chars().filter(c -> !Character.isLetterOrDigit(c) && c != ' ' && signs.indexOf(String.valueOf((char) c)) < 0)
                .forEach(c -> signs.append((char) c));
        for (char c : signs.toString().toCharArray()) {
            last.getChildren().add(key(String.valueOf(c), "key-" + signName(c),
                    () -> actions.onText().accept(method.type(text, c))));
        }
        HBox block = new HBox(16, rows, methods());
        VBox keyboard = new VBox(6, block);
        boolean marked = !VietnameseInput.plain(answer).equals(answer);
        if (method == TypingMethod.TONE_KEYS && marked) {
            toneKeys(keyboard);
            return keyboard;
        }
        // An answer without marks (a dossier code, a password) needs no tone rows: with the digit
        // row they would push the lesson off a 768-pixel screen.
        HBox bottom = new HBox(6, backspaceKey(), spaceKey(), done());
        if (method != TypingMethod.TONE_KEYS) {
            Label rule = small(t.get("rule." + method.name()));
            rule.setId("typing-rule");
            // Its á â đ are the letters being taught, on the English screen too (Widgets.DATA).
            rule.getProperties().put("kiosk.data", Boolean.TRUE);
            HBox.setHgrow(rule, Priority.ALWAYS);
            HBox.setMargin(rule, new Insets(0, 0, 0, 10));
            bottom.getChildren().add(rule);
        }
        bottom.setAlignment(Pos.CENTER_LEFT);
        keyboard.getChildren().add(bottom);
        return keyboard;
    }

    /** The three ways of typing, one lit: "Kiểu gõ:" Telex, VNI, Chạm dấu. */
    private Node methods() {
        Label heading = small(t.get("method"));
        VBox column = new VBox(4, heading);
        for (TypingMethod m : TypingMethod.values()) {
            Button b = key(t.get("method." + m.name()), "method-" + m.name(), () -> actions.onMethod().accept(m));
            b.getStyleClass().add(m == method ? "method-on" : "method-off");
            b.setMaxWidth(Double.MAX_VALUE);
            column.getChildren().add(b);
        }
        column.setId("typing-methods");
        return column;
    }

    private void toneKeys(VBox keyboard) {
        if (variantsOf != null) {
            HBox v = new HBox(6, small(t.get("variants")));
            v.setAlignment(Pos.CENTER_LEFT);
            for (String s : VietnameseInput.variants(variantsOf.charAt(0))) {
                v.getChildren().add(key(s, "variant-" + s, () -> {
                    actions.onVariants().accept(null);
                    actions.onText().accept(text + s);
                }));
            }
            keyboard.getChildren().add(v);
        }
        HBox marked = new HBox(6);
        for (String m : MARKED) {
            marked.getChildren().add(key(m, "key-" + m, () -> actions.onText().accept(text + m)));
        }
        marked.getChildren().addAll(backspaceKey(), spaceKey());
        HBox tones = new HBox(6);
        for (VietnameseInput.Tone tone : VietnameseInput.Tone.values()) {
            Button b = key(tone.sample() + " " + tone.nameVi, "tone-" + tone.name(),
                    () -> actions.onText().accept(VietnameseInput.applyTone(text, tone)));
            tones.getChildren().add(b);
        }
        tones.getChildren().add(done());
        keyboard.getChildren().addAll(marked, tones);
    }

    private HBox row(String keys) {
        HBox r = new HBox(6);
        for (char c : keys.toCharArray()) {
            r.getChildren().add(method == TypingMethod.TONE_KEYS && Character.isLetter(c)
                    ? holdable(String.valueOf(c)) : typed(c));
        }
        return r;
    }

    /** A key that goes through the typing method: in Telex "s" after a vowel is the sắc mark. */
    private Button typed(char c) {
        return key(String.valueOf(c), "key-" + c, () -> actions.onText().accept(method.type(text, c)));
    }

    /** Tone keys only: a tap types the letter, a long press opens its variants (ă â, ê, ô ơ, ư, đ). */
    private Button holdable(String s) {
        Button b = key(s, "key-" + s, () -> { });
        // Measured between press and release, so there is no timer.
        b.setOnAction(null);
        b.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressedAt = System.currentTimeMillis());
        b.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            boolean held = System.currentTimeMillis() - pressedAt >= LONG_PRESS_MS;
            if (held && !VietnameseInput.variants(s.charAt(0)).isEmpty()) {
                actions.onVariants().accept(s);
            } else {
                actions.onText().accept(text + s);
            }
        });
        return b;
    }

    /** A node id for a sign's key: "key-dot", "key-dash", otherwise its code point. */
    static String signName(char c) {
        return switch (c) {
            case '.' -> "dot";
            case '-' -> "dash";
            default -> "sign-" + (int) c;
        };
    }

    private Button backspaceKey() {
        Button back = key("⌫", "key-back", this::backspace);
        back.setPrefWidth(96);
        return back;
    }

    private Button spaceKey() {
        Button space = key(t.get("space"), "key-space", () -> actions.onText().accept(text + " "));
        space.setPrefWidth(200);
        return space;
    }

    private Button done() {
        Button done = key(t.get("done"), "key-done", actions.onDone());
        done.getStyleClass().add("key-done");
        done.setPrefWidth(130);
        return done;
    }

    private void backspace() {
        if (!text.isEmpty()) {
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            actions.onText().accept(nfc.substring(0, nfc.length() - 1));
        }
    }

    private static Label small(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.getStyleClass().add("lesson-small");
        return l;
    }

    private Button key(String label, String id, Runnable action) {
        Button b = new Key(label, keySize);
        b.setId(id);
        b.getStyleClass().add("lesson-key");
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * A key at least {@code size} px square and never narrower than its label: a row that does not fit
     * shows as off the screen (which the accessibility test reports), never as "X…".
     */
    private static final class Key extends Button {
        private final double size;

        Key(String label, double size) {
            super(label);
            this.size = size;
        }

        @Override
        protected double computeMinWidth(double height) {
            return Math.max(size, computePrefWidth(height));
        }

        @Override
        protected double computeMinHeight(double width) {
            return Math.max(size, super.computeMinHeight(width));
        }
    }
}
