package vn.giadinhso.kiosk.sync;

/** What the kiosk says about itself in every request's headers (X-Kiosk-*). */
public record KioskReport(String version, int backlog, String reader) {
}
