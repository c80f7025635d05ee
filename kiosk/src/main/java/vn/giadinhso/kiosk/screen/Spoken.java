package vn.giadinhso.kiosk.screen;

import java.util.List;

/** One instruction to say aloud: a bundle key and its arguments (never a name or an ID number). */
public record Spoken(String key, List<Object> args) {

    public Spoken {
        args = List.copyOf(args);
    }

    public static Spoken of(String key, Object... args) {
        return new Spoken(key, List.of(args));
    }
}
