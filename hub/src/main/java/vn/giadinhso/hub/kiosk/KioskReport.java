package vn.giadinhso.hub.kiosk;

/** What a kiosk tells about itself in request headers; any part may be absent (null). */
public record KioskReport(String version, Integer backlog, String readerState) {}
