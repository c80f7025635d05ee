package vn.giadinhso.kiosk.sync;

/**
 * What the kiosk says about itself in every request's headers (X-Kiosk-*): {@code backlog} events
 * waiting, {@code quarantined} events the hub refused and the kiosk set aside (docs/protocol.md).
 */
public record KioskReport(String version, int backlog, int quarantined, String reader) {
}
