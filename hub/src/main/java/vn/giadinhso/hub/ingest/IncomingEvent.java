package vn.giadinhso.hub.ingest;

import java.time.Instant;

/** A validated event from a kiosk; {@code payload} is compact JSON of an object. */
public record IncomingEvent(String id, String type, Instant at, String payload) {}
