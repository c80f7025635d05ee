package vn.giadinhso.kiosk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import vn.giadinhso.kiosk.attendance.Schedule;
import vn.giadinhso.kiosk.household.Roster;
import vn.giadinhso.kiosk.identity.MemberKeyring;
import vn.giadinhso.kiosk.store.LocalDatabase;
import vn.giadinhso.kiosk.store.Settings;

/**
 * Pulls the hub's changes since the stored cursor, page by page while the hub says {@code more}.
 * Each page and its cursor are stored in one transaction, so a crash mid-sync resumes at the
 * last whole page instead of skipping or half-applying one.
 */
public final class Syncer {

    private static final String CURSOR = "syncCursor";
    private static final String LAST_SYNC = "lastSyncAt";
    /** The hub's household-QR keys as the last sync listed them (a JSON array). */
    public static final String HUB_KEYS = "hubPublicKeys";
    private static final int MAX_PAGES_PER_RUN = 1000;

    /** Saves a newer member key chain or sealing key (the data dir's secret files) before it is used. */
    public interface KeySaver {
        void save(String memberKeysJson, String hubSealingKey) throws IOException;
    }

    /** One sync run's outcome. */
    public record Result(int pages, int households, int sessions, boolean criteriaChanged) {
    }

    private final HubConnection hub;
    private final LocalDatabase db;
    private final Roster roster;
    private final Schedule schedule;
    private final Clock clock;
    private final MemberKeyring keys;
    private final KeySaver keySaver;
    // The hub lists the lesson packs it distributes; the kiosk fetches new versions after the sync.
    private volatile JsonNode lessonPacks;
    // Language packs likewise (docs/languages.md).
    private volatile JsonNode languagePacks;

    public Syncer(HubConnection hub, LocalDatabase db, Roster roster, Schedule schedule, Clock clock,
            MemberKeyring keys, KeySaver keySaver) {
        this.hub = hub;
        this.db = db;
        this.roster = roster;
        this.schedule = schedule;
        this.clock = clock;
        this.keys = keys;
        this.keySaver = keySaver;
    }

    public Result syncNow() throws IOException, InterruptedException {
        int pages = 0;
        int households = 0;
        int sessions = 0;
        boolean criteria = false;
        String cursor = db.transaction(c -> Settings.get(c, CURSOR)).orElse(null);
        boolean more = true;
        while (more && pages < MAX_PAGES_PER_RUN) {
            JsonNode page = hub.sync(cursor);
            String next = page.path("cursor").asText(null);
            JsonNode set = page.get("criteriaSet");
            int keyVersion = takeKeys(page);
            db.transaction(c -> {
                if (set != null && !set.isNull()) {
                    roster.storeCriteriaSet(c, set);
                }
                roster.store(c, page.path("households"), keyVersion);
                roster.storeRevocations(c, page.path("revokedCards"));
                JsonNode qrKeys = page.get("hubPublicKeys");
                if (qrKeys != null && qrKeys.isArray() && !qrKeys.isEmpty()) {
                    Settings.put(c, HUB_KEYS, qrKeys.toString());
                }
                schedule.store(c, page.path("sessions"));
                if (next != null) {
                    Settings.put(c, CURSOR, next);
                }
                Settings.put(c, LAST_SYNC, clock.instant().toString());
                return null;
            });
            if (page.has("lessonPacks")) {
                lessonPacks = page.get("lessonPacks");
            }
            if (page.has("languagePacks")) {
                languagePacks = page.get("languagePacks");
            }
            pages++;
            households += page.path("households").size();
            sessions += page.path("sessions").size();
            criteria |= set != null && !set.isNull();
            more = page.path("more").asBoolean(false) && next != null && !next.equals(cursor);
            cursor = next;
        }
        return new Result(pages, households, sessions, criteria);
    }

    /**
     * A page's {@code memberKeys} and {@code hubSealingKey}: saved (files first, then memory) when
     * they changed, e.g. after the hub rotated the commune's key. Returns the version the page's
     * member tags are under. Keys only ever grow, so saving them before the page is stored is safe.
     */
    private int takeKeys(JsonNode page) throws IOException {
        JsonNode chain = page.get("memberKeys");
        if (chain == null || !chain.isArray() || chain.isEmpty()) {
            return keys.currentVersion();
        }
        String sealing = page.hasNonNull("hubSealingKey") ? page.get("hubSealingKey").asText()
                : keys.sealingKey().map(k -> java.util.Base64.getEncoder().encodeToString(k.getEncoded())).orElse("");
        if (keys.differs(chain.toString(), sealing)) {
            MemberKeyring.parse(chain.toString()); // a malformed chain fails the sync before anything is saved
            keySaver.save(chain.toString(), sealing);
            keys.update(chain.toString(), sealing);
        }
        return chain.size();
    }

    /** The latest {@code lessonPacks} list a sync page carried, if any did. */
    public Optional<JsonNode> lessonPacks() {
        return Optional.ofNullable(lessonPacks);
    }

    /** The latest {@code languagePacks} list a sync page carried, if any did. */
    public Optional<JsonNode> languagePacks() {
        return Optional.ofNullable(languagePacks);
    }

    public Optional<Instant> lastSync() {
        return db.transaction(c -> Settings.get(c, LAST_SYNC)).map(Instant::parse);
    }
}
