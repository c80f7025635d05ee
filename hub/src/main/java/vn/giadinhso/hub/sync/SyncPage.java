package vn.giadinhso.hub.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.protocol.CriterionStatus;
import vn.giadinhso.hub.household.HouseholdCards;
import vn.giadinhso.hub.language.LanguagePack;
import vn.giadinhso.hub.lesson.LessonPack;

/**
 * What a kiosk needs to work offline, as a delta after its cursor. {@code criteriaSet} is null
 * when it has not changed; {@code more} says to ask again at once with the new cursor.
 * {@code lessonPacks} is always the full list of the newest version of every pack (a dozen rows):
 * a kiosk that missed a download, or restarted, needs no cursor arithmetic to catch up; so is
 * {@code hubPublicKeys} (the household-QR keys, a handful). {@code revokedCards} is a delta: the
 * households whose cards were revoked after the cursor, each with the highest revoked serial.
 * {@code memberKeys} (the commune's member-hashing key chain) and {@code hubSealingKey} come with
 * every page, so a rotated key reaches kiosks with the re-tagged households. {@code languagePacks}
 * is, like {@code lessonPacks}, the full list of the newest version of every language pack.
 */
public record SyncPage(
    String cursor,
    boolean more,
    String communeId,
    String supportPointId,
    CriteriaSet criteriaSet,
    List<HouseholdEntry> households,
    List<SessionEntry> sessions,
    List<LessonPack> lessonPacks,
    List<HouseholdCards.PublicKeyEntry> hubPublicKeys,
    List<HouseholdCards.Revocation> revokedCards,
    List<Map<String, Object>> memberKeys,
    String hubSealingKey,
    List<LanguagePack> languagePacks) {

  /**
   * A household as a kiosk shows it: names masked, members only as 14-bit tags of their hashes
   * under the newest of {@code memberKeys} (docs/member-ids.md).
   */
  public record HouseholdEntry(
      String code,
      String village,
      String displayName,
      List<MemberEntry> members,
      List<String> groups,
      List<String> flags,
      boolean recognised,
      int met,
      int applicable,
      List<CriterionEntry> criteria) {}

  public record MemberEntry(int idTag, String displayName) {}

  public record CriterionEntry(String id, CriterionStatus status, String source, Instant at) {}

  public record SessionEntry(
      String id, Instant startsAt, Instant endsAt, String place, String topic, String trainer, String status) {}
}
