package vn.giadinhso.kiosk.ui;

import java.util.Locale;
import vn.giadinhso.kiosk.language.Language;

/**
 * Every on-screen text, by its key in messages_vi.properties, in the resident's language: from its
 * language pack, else the built-in vi/en strings, else Vietnamese (see {@link Language}).
 */
public record Texts(Language language) {

    /** Vietnamese or English from the built-in strings alone; no fallback to the JVM's locale. */
    public static Texts of(Locale locale) {
        return new Texts(Language.builtIn(locale));
    }

    public String get(String key, Object... args) {
        return language.message(key, args);
    }
}
