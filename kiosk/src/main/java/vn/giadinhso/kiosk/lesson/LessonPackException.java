package vn.giadinhso.kiosk.lesson;

/** A pack that cannot be read; the message says which file and what is wrong. */
public final class LessonPackException extends Exception {

    public LessonPackException(String message) {
        super(message);
    }

    public LessonPackException(String message, Throwable cause) {
        super(message, cause);
    }
}
