package vn.giadinhso.kiosk.screen;

import java.time.Instant;
import java.util.Optional;

/** What staff read about this kiosk: identity, hub, reader, backlog, last sync. */
public interface KioskHealth {

    /** The last sync reached the hub and sending is not failing since. */
    boolean online();

    ConnectionState connection();

    String readerSummary();

    int backlog();

    /** Events the hub refused that this kiosk keeps aside (staff see the count; the log says why). */
    int quarantined();

    /** True when this kiosk's hub address is plain http:// on the network, so it does not sync at all. */
    boolean insecureHub();

    /**
     * True when the hub refused this kiosk's software as older than it serves: staff see "update
     * needed"; events wait in the outbox meanwhile.
     */
    default boolean updateRequired() {
        return false;
    }

    String kioskId();

    String hub();

    String version();

    Optional<Instant> lastSync();
}
