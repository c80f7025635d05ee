package vn.giadinhso.kiosk.language;

/** A language pack that cannot be used, with a message that says what to fix in which file. */
public final class LanguagePackException extends Exception {

    public LanguagePackException(String message) {
        super(message);
    }

    public LanguagePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
