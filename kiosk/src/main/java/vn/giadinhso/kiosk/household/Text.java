package vn.giadinhso.kiosk.household;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;

/** A text in Vietnamese and English. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Text(String vi, String en) {

    public String in(Locale locale) {
        return "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : vi;
    }
}
