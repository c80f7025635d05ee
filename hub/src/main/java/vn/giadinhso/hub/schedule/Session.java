package vn.giadinhso.hub.schedule;

import java.time.Instant;

/** A support session at a point. Cancelled sessions stay, so kiosks learn to drop them. */
public record Session(
    String id,
    String supportPointId,
    Instant startsAt,
    Instant endsAt,
    String place,
    String topic,
    String trainer,
    Status status) {

  public enum Status {
    SCHEDULED,
    CANCELLED
  }

  public Session {
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a session must end after it starts");
    }
  }
}
