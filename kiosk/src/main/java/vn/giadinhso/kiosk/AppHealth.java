package vn.giadinhso.kiosk;

import java.time.Instant;
import java.util.Optional;
import vn.giadinhso.kiosk.screen.ConnectionState;
import vn.giadinhso.kiosk.screen.KioskHealth;

/** The kiosk's health as the staff screen reads it, from the running app. */
final class AppHealth implements KioskHealth {

    private final KioskApp app;

    AppHealth(KioskApp app) {
        this.app = app;
    }

    @Override
    public boolean online() {
        // The last sync reached the hub, and the sender is not failing since. (The sender alone
        // would say "offline" until the first event is sent, even with the hub right there.)
        var sending = app.sender.status();
        boolean senderFailing = sending.lastError() != null && !sending.hubReachable();
        return app.lastSyncSucceeded() && !senderFailing;
    }

    @Override
    public ConnectionState connection() {
        return new ConnectionState(online(), ConnectionState.readerOf(app.readerState()));
    }

    @Override
    public String readerSummary() {
        return app.readerSummary();
    }

    @Override
    public int backlog() {
        return app.sender.status().backlog();
    }

    @Override
    public int quarantined() {
        return app.sender.status().quarantined();
    }

    @Override
    public boolean insecureHub() {
        return app.hubRefusal().isPresent();
    }

    @Override
    public boolean updateRequired() {
        return app.updateRequired().isPresent();
    }

    @Override
    public String kioskId() {
        return app.identity.kioskId();
    }

    @Override
    public String hub() {
        return app.identity.hub().toString();
    }

    @Override
    public String version() {
        return KioskApp.VERSION;
    }

    @Override
    public Optional<Instant> lastSync() {
        return app.lastSync();
    }
}
