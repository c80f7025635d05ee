package vn.giadinhso.hub.kiosk;

/** An enrolled kiosk, as its bearer token identifies it. */
public record Kiosk(String id, String supportPointId, String communeId) {}
