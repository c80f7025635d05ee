package vn.giadinhso.kiosk.language;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The vi and en packs that ship inside the kiosk: the screens' strings (ui/messages_*.properties)
 * and the lesson player's words (ui/lesson/lesson_*.properties). Vietnamese is the reference every
 * other language falls back to, so it must hold every key.
 */
public record BuiltInTexts(ResourceBundle viMessages, ResourceBundle enMessages, ResourceBundle viPlayer,
        ResourceBundle enPlayer) {

    static final String MESSAGES = "vn.giadinhso.kiosk.ui.messages";
    static final String PLAYER = "vn.giadinhso.kiosk.ui.lesson.lesson";

    public static BuiltInTexts load() {
        return new BuiltInTexts(bundle(MESSAGES, "vi"), bundle(MESSAGES, "en"), bundle(PLAYER, "vi"), bundle(PLAYER, "en"));
    }

    private static ResourceBundle bundle(String name, String language) {
        // No fallback to the JVM's own locale: a kiosk on an English OS still starts in Vietnamese.
        return ResourceBundle.getBundle(name, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    ResourceBundle messages(String code) {
        return "en".equals(code) ? enMessages : viMessages;
    }

    ResourceBundle player(String code) {
        return "en".equals(code) ? enPlayer : viPlayer;
    }

    /** The keys a pack may translate: those of the Vietnamese reference. */
    public Set<String> messageKeys() {
        return viMessages.keySet();
    }

    public Set<String> playerKeys() {
        return viPlayer.keySet();
    }
}
