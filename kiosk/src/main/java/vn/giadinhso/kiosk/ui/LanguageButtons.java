package vn.giadinhso.kiosk.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import vn.giadinhso.kiosk.language.Language;

/**
 * One button per language the kiosk has, each named in its own language whatever language is on
 * (data, not translated; id {@code lang-<code>}). The kiosk's top bar and the enrolment screen
 * both show them, so a language pack reaches every screen without code.
 */
final class LanguageButtons {

    private LanguageButtons() {
    }

    static List<Button> of(List<Language> languages, Consumer<Locale> switchTo) {
        return languages.stream()
                .map(l -> Widgets.data(Widgets.button(l.name(), null, "lang-" + l.code(), () -> switchTo.accept(l.locale()))))
                .toList();
    }
}
