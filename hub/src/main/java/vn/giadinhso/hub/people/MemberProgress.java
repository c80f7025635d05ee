package vn.giadinhso.hub.people;

/**
 * One household member's own progress as the household page shows it. Members without a card
 * (no ID hash) have no progress of their own: every field past {@code birthYear} is empty.
 *
 * @param memberHash the member's ID hash, the key of their progress (never shown)
 * @param vneid the newest VNeID level-2 record, null when nobody recorded one
 * @param sessionsAttended distinct sessions whose attendance names this member ({@code m:<hash>})
 */
public record MemberProgress(
    int seq,
    String maskedName,
    String idMasked,
    Integer birthYear,
    String memberHash,
    VneidRecord vneid,
    boolean coreDigitalCitizen,
    int sessionsAttended) {

  public boolean vneidLevel2() {
    return vneid != null && vneid.activated();
  }

  public boolean hasCard() {
    return memberHash != null;
  }
}
