package vn.giadinhso.hub.schedule;

import java.time.Instant;

/**
 * A digital support point: a culture house, the commune office, a community activity point.
 *
 * @param openingHours free text as staff write it ("Thứ 2–6, 7:30–11:00"); empty when not given
 * @param retiredAt when staff retired the point, or null while it is in use. A retired point keeps
 *     its sessions, kiosks and attendance, takes no new sessions and is not held to the minimum.
 * @param mobile a mobile point (điểm lưu động, issue 15): it moves from village to village, so each
 *     of its sessions names its own place, and its attendance is usually taken on a phone
 */
public record SupportPoint(String id, String communeId, String name, String place, int minSessionsPerMonth,
    String openingHours, Instant retiredAt, boolean mobile) {
  public SupportPoint {
    if (id == null || !id.matches("[a-z0-9-]{1,64}")) {
      throw new IllegalArgumentException("support point id must be 1-64 of a-z 0-9 -");
    }
    if (minSessionsPerMonth < 0) {
      throw new IllegalArgumentException("minimum sessions per month cannot be negative");
    }
    openingHours = openingHours == null ? "" : openingHours;
  }

  /** A point that stays where it is. */
  public SupportPoint(String id, String communeId, String name, String place, int minSessionsPerMonth,
      String openingHours, Instant retiredAt) {
    this(id, communeId, name, place, minSessionsPerMonth, openingHours, retiredAt, false);
  }

  /** A point in use, with no opening hours given (the command line and the demo). */
  public SupportPoint(String id, String communeId, String name, String place, int minSessionsPerMonth) {
    this(id, communeId, name, place, minSessionsPerMonth, "", null);
  }

  public boolean retired() {
    return retiredAt != null;
  }

  /**
   * The minimum this point is held to in a month that ends at {@code monthEnd}: none once it was
   * retired before that month ended (its sessions still count as held), its own before.
   */
  public int minimumFor(Instant monthEnd) {
    return retiredAt != null && retiredAt.isBefore(monthEnd) ? 0 : minSessionsPerMonth;
  }
}
