package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.Locale;
import vn.giadinhso.kiosk.language.Language;
import vn.giadinhso.kiosk.language.LanguagePacks;

/**
 * The language the resident picked, shared by the navigator (which switches it) and the screens
 * that show lessons (which need each lesson in it). One per kiosk window; the UI thread only.
 */
public final class LanguageOnScreen {

    private final LanguagePacks packs;
    private Locale locale = Locale.forLanguageTag(Language.VI);

    public LanguageOnScreen(LanguagePacks packs) {
        this.packs = packs;
    }

    /** Vietnamese and English only (tests, and a kiosk before any language pack arrives). */
    public static LanguageOnScreen builtIn() {
        return new LanguageOnScreen(LanguagePacks.builtInOnly());
    }

    public Locale locale() {
        return locale;
    }

    /** Every string, lesson text and narration on screen goes through this. */
    public Language language() {
        return packs.language(locale);
    }

    /** Vietnamese, English, then each installed pack, for the language buttons. */
    public List<Language> available() {
        return packs.available();
    }

    void switchTo(Locale to) {
        locale = to;
    }
}
