package vn.giadinhso.hub.schedule;

import java.time.Instant;

/**
 * A support session at a point. Cancelled sessions stay, so kiosks learn to drop them.
 * {@code openedAtKiosk}: staff opened it unscheduled at the point's kiosk (issue 13); it counts
 * like a planned one, and stays marked when staff edit or cancel it on the dashboard.
 */
public record Session(
    String id,
    String supportPointId,
    Instant startsAt,
    Instant endsAt,
    String place,
    String topic,
    String trainer,
    Status status,
    boolean openedAtKiosk) {

  public enum Status {
    SCHEDULED,
    CANCELLED
  }

  public Session {
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("a session must end after it starts");
    }
  }

  /** A session planned on the dashboard (or the demo). */
  public Session(String id, String supportPointId, Instant startsAt, Instant endsAt, String place, String topic,
      String trainer, Status status) {
    this(id, supportPointId, startsAt, endsAt, place, topic, trainer, status, false);
  }
}
