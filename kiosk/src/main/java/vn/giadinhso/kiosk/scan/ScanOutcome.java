package vn.giadinhso.kiosk.scan;

import java.util.Optional;
import vn.giadinhso.kiosk.household.Household;
import vn.giadinhso.kiosk.identity.PayloadKind;

/** One scan after its {@code identified} event is durable in the outbox. */
public record ScanOutcome(String eventId, PayloadKind kind, boolean valid, Lookup lookup) {

    public ScanResult result() {
        return lookup.result();
    }

    public Optional<Household> household() {
        return lookup.household();
    }

    public String householdCode() {
        return lookup.householdCode();
    }
}
