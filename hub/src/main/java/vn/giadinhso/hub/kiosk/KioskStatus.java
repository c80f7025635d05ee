package vn.giadinhso.hub.kiosk;

import java.time.Instant;

/** A kiosk as staff see it: when it was last heard from and what it reported. */
public record KioskStatus(String id, String supportPointId, Instant lastSeenAt, String version,
    Integer backlog, String readerState, boolean revoked) {}
