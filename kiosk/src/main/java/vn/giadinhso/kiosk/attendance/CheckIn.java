package vn.giadinhso.kiosk.attendance;

/** The answer to one attendance scan: counted now, already counted, or not a usable card. */
public record CheckIn(Outcome outcome, int count, String name, String householdCode) {

    public enum Outcome {
        CHECKED_IN,
        ALREADY_CHECKED_IN,
        NOT_IDENTIFIED
    }
}
