package vn.giadinhso.kiosk.ui.lesson;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.javafx.FontIcon;
import vn.giadinhso.kiosk.household.Text;
import vn.giadinhso.kiosk.lesson.LessonPack;
import vn.giadinhso.kiosk.lesson.PhoneElement;
import vn.giadinhso.kiosk.lesson.PhoneScreen;

/**
 * Draws a lesson's declarative phone screen as a generic phone: plain shapes, the kiosk's font,
 * Material Design icons, no real app's logo. Every element with an id is tappable and carries the
 * node id {@code phone-<id>}; a touch anywhere else on the phone counts as a touch on nothing.
 */
final class PhoneView {

    static final double WIDTH = 440;
    static final double HEIGHT = 900;
    /** An app's tile and its cell on the home screen, in phone pixels: three across, like a phone's. */
    static final double APP_TILE = 104;
    static final double APP_CELL = 124;

    /** What the phone needs to know about the current step. */
    record State(String typedInto, String typed, Optional<String> highlight) {
    }

    private final LessonPack pack;
    private final Locale locale;
    private final State state;
    private final Consumer<String> onTap;
    private String accent = "#0b3d91";

    PhoneView(LessonPack pack, Locale locale, State state, Consumer<String> onTap) {
        this.pack = pack;
        this.locale = locale;
        this.state = state;
        this.onTap = onTap;
    }

    /** The phone, scaled to {@code height} so it fits any kiosk screen. */
    Node build(PhoneScreen screen, double height) {
        VBox content = new VBox(12);
        content.setPadding(new Insets(0, 0, 16, 0));
        content.getStyleClass().add("phone-screen");
        if (screen != null) {
            accent = screen.accentOr(accent);
            for (PhoneElement e : screen.elements()) {
                content.getChildren().add(element(e));
            }
        }
        content.setOnMouseClicked(e -> onTap.accept(null));
        content.setPrefSize(WIDTH - 28, HEIGHT - 28);
        content.setMaxSize(WIDTH - 28, HEIGHT - 28);
        Rectangle clip = new Rectangle(WIDTH - 28, HEIGHT - 28);
        clip.setArcWidth(40);
        clip.setArcHeight(40);
        content.setClip(clip);
        StackPane frame = new StackPane(content);
        frame.getStyleClass().add("phone-frame");
        frame.setPrefSize(WIDTH, HEIGHT);
        frame.setMaxSize(WIDTH, HEIGHT);
        frame.setId("phone");
        double scale = Math.min(1.0, height / HEIGHT);
        frame.setScaleX(scale);
        frame.setScaleY(scale);
        return new Group(frame);
    }

    private Node element(PhoneElement e) {
        Node node = switch (e.type()) {
            case "statusBar" -> statusBar();
            case "header" -> header(e);
            case "text" -> text(e);
            case "input" -> input(e);
            case "button" -> button(e);
            case "listItem" -> listItem(e);
            case "tabs" -> tabs(e);
            case "otp" -> otp(e);
            case "notification" -> notification(e);
            case "qr" -> qr(e);
            case "apps" -> apps(e);
            case "card" -> card(e);
            case "message" -> message(e);
            case "map" -> map(e);
            case "image" -> image(e);
            default -> new Label(e.type());
        };
        return tappable(e, node);
    }

    private Node tappable(PhoneElement e, Node node) {
        if (e.id() == null || "apps".equals(e.type()) || "tabs".equals(e.type())) {
            return node;
        }
        StackPane wrap = new StackPane(node);
        wrap.setId("phone-" + e.id());
        wrap.getStyleClass().add("phone-tappable");
        if (state.highlight().filter(e.id()::equals).isPresent()) {
            wrap.getStyleClass().add("phone-highlight");
        }
        wrap.setOnMouseClicked(ev -> {
            ev.consume();
            onTap.accept(e.id());
        });
        if (!"header".equals(e.type()) && !"statusBar".equals(e.type())) {
            VBox.setMargin(wrap, new Insets(0, 14, 0, 14));
        }
        return wrap;
    }

    private String t(Text text) {
        return text == null ? "" : text.in(locale);
    }

    private Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        return l;
    }

    private static FontIcon icon(String name, int size, String colour) {
        FontIcon i = new FontIcon();
        try {
            i.setIconLiteral("mdi2" + name.charAt(0) + "-" + name);
        } catch (RuntimeException ex) {
            i.setIconLiteral("mdi2c-circle-outline");
        }
        i.setIconSize(size);
        i.setIconColor(Color.web(colour));
        // Inline, as Widgets.icon does: otherwise the theme's stylesheet wins over setIconSize and
        // setIconColor and draws every phone icon as a small dark glyph.
        i.setStyle(i.getStyle() + "; -fx-icon-size: " + size + "px; -fx-icon-color: " + colour + ";");
        return i;
    }

    private Node margin(Node n) {
        VBox.setMargin(n, new Insets(0, 14, 0, 14));
        return n;
    }

    private Node statusBar() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, label("9:41", "phone-status"), gap, icon("signal-cellular-3", 20, "#202020"),
                label("4G", "phone-status"), icon("wifi", 20, "#202020"), icon("battery-80", 20, "#202020"));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 22, 2, 22));
        return bar;
    }

    private Node header(PhoneElement e) {
        HBox bar = new HBox(10);
        if (e.icon() != null) {
            bar.getChildren().add(icon(e.icon(), 30, "#ffffff"));
        }
        Label title = label(t(e.text()), "phone-header");
        bar.getChildren().add(title);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(14, 18, 14, 18));
        bar.setStyle("-fx-background-color: " + colourOr(e.style(), accent) + ";");
        return bar;
    }

    private Node text(PhoneElement e) {
        String style = switch (e.style() == null ? "" : e.style()) {
            case "title" -> "phone-title";
            case "small" -> "phone-small";
            case "big" -> "phone-big";
            default -> "phone-text";
        };
        return margin(label(t(e.text()), style));
    }

    private Node input(PhoneElement e) {
        boolean typing = e.id() != null && e.id().equals(state.typedInto());
        String value = typing ? state.typed() : e.value();
        Label shown = value == null || value.isEmpty() ? label(t(e.detail()), "phone-placeholder")
                : label(value + (typing ? "▏" : ""), "phone-value");
        if (typing && (value == null || value.isEmpty())) {
            shown.setText("▏" + t(e.detail()));
        }
        HBox box = new HBox(8);
        if (e.icon() != null) {
            box.getChildren().add(icon(e.icon(), 26, "#505050"));
        }
        box.getChildren().add(shown);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add(typing ? "phone-input-active" : "phone-input");
        if (typing) {
            box.setStyle("-fx-border-color: " + accent + ";");
        }
        return new VBox(4, label(t(e.text()), "phone-small"), box);
    }

    private Node button(PhoneElement e) {
        boolean secondary = "secondary".equals(e.style());
        HBox b = new HBox(10);
        if (e.icon() != null) {
            b.getChildren().add(icon(e.icon(), 26, secondary ? accent : "#ffffff"));
        }
        Label l = label(t(e.text()), secondary ? "phone-button-text-secondary" : "phone-button-text");
        if (secondary) {
            l.setStyle("-fx-text-fill: " + accent + ";");
        }
        b.getChildren().add(l);
        b.setAlignment(Pos.CENTER);
        b.getStyleClass().add("phone-button");
        b.setStyle(secondary ? "-fx-background-color: white; -fx-border-color: " + accent + "; -fx-border-width: 2;"
                + " -fx-border-radius: 28;" : "-fx-background-color: " + accent + ";");
        return b;
    }

    private Node listItem(PhoneElement e) {
        String colour = colourOr(e.style(), accent);
        StackPane badge = new StackPane(icon(e.icon() == null ? "circle-outline" : e.icon(), 28, "#ffffff"));
        badge.setMinSize(52, 52);
        badge.setMaxSize(52, 52);
        badge.setStyle("-fx-background-color: " + colour + "; -fx-background-radius: 26;");
        VBox words = new VBox(2, label(t(e.text()), "phone-item-title"));
        if (e.detail() != null) {
            words.getChildren().add(label(t(e.detail()), "phone-small"));
        }
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox row = new HBox(12, badge, words);
        if (e.value() != null) {
            row.getChildren().add(label(e.value(), "phone-item-value"));
        }
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("phone-list-item");
        return row;
    }

    private Node tabs(PhoneElement e) {
        HBox row = new HBox();
        for (PhoneElement tab : e.items()) {
            Label l = label(t(tab.text()), "phone-tab");
            l.setMaxWidth(Double.MAX_VALUE);
            l.setAlignment(Pos.CENTER);
            if (tab.id() != null && tab.id().equals(e.value())) {
                l.setStyle("-fx-border-color: " + accent + "; -fx-border-width: 0 0 4 0; -fx-text-fill: " + accent + ";");
            }
            HBox.setHgrow(l, Priority.ALWAYS);
            Node n = tappable(tab, l);
            HBox.setHgrow(n, Priority.ALWAYS);
            if (n instanceof Region r) {
                r.setMaxWidth(Double.MAX_VALUE);
            }
            VBox.setMargin(n, Insets.EMPTY);
            row.getChildren().add(n);
        }
        row.getStyleClass().add("phone-tabs");
        return row;
    }

    private Node otp(PhoneElement e) {
        int n = e.value() == null ? 6 : Integer.parseInt(e.value());
        boolean typing = e.id() != null && e.id().equals(state.typedInto());
        String digits = typing ? state.typed() : "";
        HBox row = new HBox(8);
        row.setAlignment(Pos.CENTER);
        for (int i = 0; i < n; i++) {
            Label box = label(i < digits.length() ? String.valueOf(digits.charAt(i)) : "", "phone-otp-box");
            box.setAlignment(Pos.CENTER);
            if (typing && i == Math.min(digits.length(), n - 1)) {
                box.setStyle("-fx-border-color: " + accent + ";");
            }
            row.getChildren().add(box);
        }
        return row;
    }

    private Node notification(PhoneElement e) {
        HBox top = new HBox(8, icon(e.icon() == null ? "bell" : e.icon(), 24, accent), label(t(e.text()), "phone-small"));
        top.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, top, label(t(e.detail()), "phone-text"));
        card.getStyleClass().add("phone-notification");
        return margin(card);
    }

    private Node qr(PhoneElement e) {
        ImageView code = new ImageView(qrImage(e.value() == null ? "demo" : e.value(), 240));
        VBox box = new VBox(8, code, label(t(e.text()), "phone-small"));
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("phone-viewfinder");
        return box;
    }

    /**
     * A home screen as residents meet it: large rounded-square tiles in the app's own colour,
     * a big glyph filling most of the tile (white, or near-black on a light colour), a light
     * sheen and shadow like a real launcher's icons, and the name in large dark text below.
     */
    private Node apps(PhoneElement e) {
        TilePane grid = new TilePane(8, 18);
        grid.setPrefColumns(3);
        grid.setPadding(new Insets(12, 12, 8, 12));
        grid.setPrefTileWidth(APP_CELL);
        for (PhoneElement app : e.items()) {
            String colour = colourOr(app.style(), accent);
            Color bg = Color.web(colour);
            String glyph = luminance(bg) > 0.45 ? "#101010" : "#ffffff";
            Region tile = new Region();
            tile.setMinSize(APP_TILE, APP_TILE);
            tile.setMaxSize(APP_TILE, APP_TILE);
            tile.setStyle("-fx-background-color: linear-gradient(to bottom, " + web(bg.deriveColor(0, 0.9, 1.18, 1)) + ", "
                    + colour + " 55%, " + web(bg.deriveColor(0, 1, 0.86, 1)) + "); -fx-background-radius: 28;"
                    + " -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.35), 8, 0, 0, 3);");
            StackPane icon = new StackPane(tile, icon(app.icon() == null ? "apps" : app.icon(), 70, glyph));
            icon.getStyleClass().add("phone-app-icon");
            Label name = label(t(app.text()), "phone-app-name");
            name.setAlignment(Pos.CENTER);
            name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            name.setMaxWidth(APP_CELL);
            name.setMinHeight(Region.USE_PREF_SIZE);
            VBox cell = new VBox(8, icon, name);
            cell.setAlignment(Pos.TOP_CENTER);
            Node n = tappable(app, cell);
            VBox.setMargin(n, Insets.EMPTY);
            grid.getChildren().add(n);
        }
        return grid;
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }

    /** WCAG relative luminance, to pick a glyph that stands out on the app's colour. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private Node card(PhoneElement e) {
        VBox card = new VBox(8);
        Label title = label(t(e.text()), "phone-item-title");
        title.setStyle("-fx-text-fill: " + colourOr(e.style(), "#101010") + ";");
        card.getChildren().add(title);
        for (PhoneElement row : e.items()) {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label value = label(t(row.detail()), "phone-item-value");
            value.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
            HBox line = new HBox(8, label(t(row.text()), "phone-small"), gap, value);
            line.setAlignment(Pos.CENTER_LEFT);
            card.getChildren().add(line);
        }
        card.getStyleClass().add("phone-card");
        return e.id() == null ? margin(card) : card;
    }

    private Node message(PhoneElement e) {
        boolean out = "out".equals(e.style());
        VBox bubble = new VBox(4);
        if (e.detail() != null) {
            bubble.getChildren().add(label(t(e.detail()), "phone-small"));
        }
        bubble.getChildren().add(label(t(e.text()), "phone-text"));
        bubble.getStyleClass().add(out ? "phone-bubble-out" : "phone-bubble-in");
        bubble.setMaxWidth(340);
        HBox row = new HBox(bubble);
        row.setAlignment(out ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        return margin(row);
    }

    private Node map(PhoneElement e) {
        Pane roads = new Pane();
        roads.setPrefSize(WIDTH - 56, 250);
        roads.setStyle("-fx-background-color: #e4efd9; -fx-background-radius: 12;");
        Line a = new Line(0, 170, WIDTH - 56, 90);
        Line b = new Line(120, 0, 200, 250);
        Line c = new Line(0, 40, WIDTH - 56, 210);
        for (Line l : new Line[] {a, b, c}) {
            l.setStroke(Color.WHITE);
            l.setStrokeWidth(10);
        }
        Line route = new Line(60, 200, 200, 120);
        route.setStroke(Color.web("#1565c0"));
        route.setStrokeWidth(8);
        roads.getChildren().addAll(a, b, c, route);
        FontIcon pin = icon("map-marker", 56, "#c62828");
        Label name = label(t(e.text()), "phone-map-label");
        VBox marker = new VBox(0, name, pin);
        marker.setAlignment(Pos.CENTER);
        StackPane map = new StackPane(roads, marker);
        return margin(map);
    }

    private Node image(PhoneElement e) {
        Optional<Image> img = pack.file(e.value()).map(p -> new Image(p.toUri().toString(), WIDTH - 56, 300, true, true));
        return margin(img.<Node>map(ImageView::new).orElseGet(() -> label(t(e.text()), "phone-small")));
    }

    private static String colourOr(String style, String fallback) {
        return style != null && style.startsWith("#") ? style : fallback;
    }

    static Image qrImage(String text, int size) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
            WritableImage img = new WritableImage(size, size);
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    w.setColor(x, y, m.get(x, y) ? Color.BLACK : Color.WHITE);
                }
            }
            return img;
        } catch (WriterException e) {
            return new WritableImage(size, size);
        }
    }
}
