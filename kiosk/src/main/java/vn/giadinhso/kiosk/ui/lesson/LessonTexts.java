package vn.giadinhso.kiosk.ui.lesson;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The player's own words (lesson_vi / lesson_en), apart from the kiosk's bundle so both can change freely. */
record LessonTexts(ResourceBundle bundle) {

    static LessonTexts of(Locale locale) {
        return new LessonTexts(ResourceBundle.getBundle("vn.giadinhso.kiosk.ui.lesson.lesson", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    String get(String key, Object... args) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, bundle.getLocale()).format(args);
    }
}
