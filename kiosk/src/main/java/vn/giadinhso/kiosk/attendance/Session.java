package vn.giadinhso.kiosk.attendance;

import java.time.Instant;

/** A support session at this kiosk's support point. */
public record Session(String id, Instant startsAt, Instant endsAt, String place, String topic, String trainer) {
}
