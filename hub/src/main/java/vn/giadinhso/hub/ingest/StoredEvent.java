package vn.giadinhso.hub.ingest;

import java.time.Instant;

/** An event as the log keeps it. */
public record StoredEvent(String id, String kioskId, String type, Instant at, Instant receivedAt, String payload) {}
