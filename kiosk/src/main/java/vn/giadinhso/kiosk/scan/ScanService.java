package vn.giadinhso.kiosk.scan;

import vn.giadinhso.kiosk.identity.Identification;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.outbox.OutboxEvent;

/** Scan → roster lookup → {@code identified} event, committed before the outcome is returned. */
public final class ScanService {

    private final RosterLookup lookup;
    private final KioskEvents events;

    public ScanService(RosterLookup lookup, KioskEvents events) {
        this.lookup = lookup;
        this.events = events;
    }

    public ScanOutcome scan(Identification id) {
        Lookup found = lookup.find(id);
        OutboxEvent event = events.identified(found.method(), found.result().name(), found.householdCode(),
                found.memberSealed());
        return new ScanOutcome(event.id(), id.kind(), id.valid(), found);
    }
}
