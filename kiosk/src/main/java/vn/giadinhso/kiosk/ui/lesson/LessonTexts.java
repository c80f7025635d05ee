package vn.giadinhso.kiosk.ui.lesson;

import java.util.Locale;
import vn.giadinhso.kiosk.language.Language;

/**
 * The player's own words (lesson_vi / lesson_en, or a language pack's player.properties), apart
 * from the kiosk's screen strings so both can change freely; a missing word is Vietnamese.
 */
record LessonTexts(Language language) {

    static LessonTexts of(Locale locale) {
        return new LessonTexts(Language.builtIn(locale));
    }

    String get(String key, Object... args) {
        return language.playerWord(key, args);
    }
}
