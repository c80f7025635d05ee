package vn.giadinhso.kiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Every on-screen text, from the vi/en bundles; no fallback to the JVM's locale. */
public record Texts(ResourceBundle bundle) {

    public static Texts of(Locale locale) {
        return new Texts(ResourceBundle.getBundle("vn.giadinhso.kiosk.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
    }
}
