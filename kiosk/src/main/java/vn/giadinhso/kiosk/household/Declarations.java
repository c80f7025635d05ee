package vn.giadinhso.kiosk.household;

import java.time.Clock;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.store.LocalDatabase;

/** "Tôi đã làm được": stored locally as DECLARED and sent as {@code criterion.declared} — never MET. */
public final class Declarations {

    private final LocalDatabase db;
    private final Roster roster;
    private final KioskEvents events;
    private final Clock clock;

    public Declarations(LocalDatabase db, Roster roster, KioskEvents events, Clock clock) {
        this.db = db;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    public void declare(String householdCode, String criterionId) {
        db.transaction(c -> {
            roster.declare(c, householdCode, criterionId, clock.instant().toString());
            events.declared(c, householdCode, criterionId);
            return null;
        });
        events.committed();
    }
}
