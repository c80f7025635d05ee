package vn.giadinhso.hub.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaStore;
import vn.giadinhso.hub.criteria.HouseholdEvaluation;
import vn.giadinhso.hub.criteria.HouseholdEvaluator;
import vn.giadinhso.hub.household.HouseholdCards;
import vn.giadinhso.hub.household.HouseholdStore;
import vn.giadinhso.hub.household.Member;
import vn.giadinhso.hub.household.StoredHousehold;
import vn.giadinhso.hub.identity.MemberKeys;
import vn.giadinhso.hub.identity.PersonName;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.language.LanguagePackStore;
import vn.giadinhso.hub.lesson.LessonPackStore;
import vn.giadinhso.hub.schedule.ScheduleStore;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;

/**
 * Builds sync deltas. Every synced row carries a revision from one shared counter, so the cursor
 * is that counter: a kiosk asks for everything after the last revision it has.
 */
public final class SyncService {
  public static final int DEFAULT_PAGE = 2000;

  private final LongSupplier revisions;
  private final HouseholdStore households;
  private final CriteriaStore criteria;
  private final ScheduleStore schedule;
  private final LessonPackStore lessons;
  private final LanguagePackStore languages;
  private final MemberKeys memberKeys;
  private final HouseholdCards cards;

  /**
   * @param revisions the newest sync revision handed out (see decisions/hub-003)
   */
  public SyncService(LongSupplier revisions, HouseholdStore households, CriteriaStore criteria, ScheduleStore schedule,
      LessonPackStore lessons, HouseholdCards cards, MemberKeys memberKeys, LanguagePackStore languages) {
    this.languages = languages;
    this.revisions = revisions;
    this.households = households;
    this.criteria = criteria;
    this.schedule = schedule;
    this.lessons = lessons;
    this.memberKeys = memberKeys;
    this.cards = cards;
  }

  /** @throws IllegalArgumentException for a cursor that is not one this hub gave out */
  public SyncPage page(Kiosk kiosk, String cursor, int limit) {
    long since = parseCursor(cursor);
    // Read the counter first: every row with a revision up to it is committed (writes are serial),
    // and anything changed after this moment gets a higher revision for the next sync.
    long newest = revisions.getAsLong();
    // Read before the households: a rotation in between re-tags them after `newest`, so the next
    // sync brings them again under the newer key.
    MemberKeyChain keys = memberKeys.chain(kiosk.communeId());
    if (since > newest) {
      throw new IllegalArgumentException("cursor " + cursor + " is ahead of this hub; sync again from the start");
    }
    List<StoredHousehold> changed = households.changedSince(kiosk.communeId(), since, newest, limit + 1);
    boolean more = changed.size() > limit;
    if (more) {
      changed = changed.subList(0, limit);
    }
    long upTo = more ? changed.get(changed.size() - 1).rev() : newest;

    CriteriaSet active = criteria.active(kiosk.communeId()).orElse(null);
    CriteriaSet changedSet = active != null && criteria.changedBetween(kiosk.communeId(), since, upTo) ? active : null;
    List<SyncPage.HouseholdEntry> entries = new ArrayList<>(changed.size());
    for (StoredHousehold stored : changed) {
      entries.add(entry(stored, active));
    }
    List<SyncPage.SessionEntry> sessions = schedule.sessionsChanged(kiosk.supportPointId(), since, upTo).stream()
        .map(s -> new SyncPage.SessionEntry(s.id(), s.startsAt(), s.endsAt(), s.place(), s.topic(), s.trainer(),
            s.status().name()))
        .toList();
    return new SyncPage(Long.toString(upTo), more, kiosk.communeId(), kiosk.supportPointId(), changedSet, entries,
        sessions, lessons.latest(), cards.publicKeys(), cards.revokedBetween(kiosk.communeId(), since, upTo),
        MemberKeys.forKiosk(keys), memberKeys.sealingKeyText(), languages.latest());
  }

  private static SyncPage.HouseholdEntry entry(StoredHousehold stored, CriteriaSet set) {
    var h = stored.household();
    List<SyncPage.MemberEntry> members = new ArrayList<>();
    for (Member m : h.members()) {
      if (m.idHash() != null) {
        // Only the tag: a kiosk's disk must not hold anything that tests a guessed ID number.
        members.add(new SyncPage.MemberEntry(MemberIdHash.tag(m.idHash()), PersonName.masked(m.fullName())));
      }
    }
    List<SyncPage.CriterionEntry> lines = new ArrayList<>();
    boolean recognised = false;
    int met = 0;
    int applicable = 0;
    if (set != null) {
      HouseholdEvaluation evaluation = HouseholdEvaluator.evaluate(set, h.flags(), stored.latestStatuses());
      evaluation.lines().forEach(l -> lines.add(new SyncPage.CriterionEntry(l.criterionId(), l.status(), l.source(), l.at())));
      recognised = evaluation.recognised();
      met = evaluation.met();
      applicable = evaluation.applicable();
    }
    return new SyncPage.HouseholdEntry(h.code(), h.village(), PersonName.masked(h.headName()), members,
        List.copyOf(h.groups()), List.copyOf(h.flags()), recognised, met, applicable, lines);
  }

  private static long parseCursor(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(cursor.strip());
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cursor must be a value returned by an earlier sync, or absent");
    }
  }
}
