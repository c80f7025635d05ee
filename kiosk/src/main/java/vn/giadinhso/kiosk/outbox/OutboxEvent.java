package vn.giadinhso.kiosk.outbox;

import java.time.Instant;

/** An event as the hub receives it; {@code payload} is a JSON object's text. */
public record OutboxEvent(String id, String type, Instant at, String payload) {
}
