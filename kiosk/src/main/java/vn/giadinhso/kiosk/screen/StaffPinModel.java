package vn.giadinhso.kiosk.screen;

import java.util.List;
import java.util.Optional;

/** The staff PIN screen: one attempt at a time, the answer shown as a message key. */
public final class StaffPinModel {

    private final StaffPin pin;
    private String message;

    public StaffPinModel(StaffPin pin) {
        this.pin = pin;
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    void reset() {
        message = null;
    }

    /** True when the PIN opens the staff screen; otherwise {@link #message()} says why not. */
    boolean enter(String attempt) {
        switch (pin.check(attempt)) {
            case OK -> {
                message = null;
                return true;
            }
            case WRONG -> message = "pin.wrong";
            case LOCKED -> message = "pin.locked";
            case NOT_SET -> message = "pin.notSet";
        }
        return false;
    }

    public List<Spoken> spoken() {
        return List.of(Spoken.of("staff.pinTitle"));
    }
}
