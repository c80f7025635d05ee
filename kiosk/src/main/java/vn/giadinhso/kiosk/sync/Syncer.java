package vn.giadinhso.kiosk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import vn.giadinhso.kiosk.attendance.Schedule;
import vn.giadinhso.kiosk.household.Roster;
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

    /** One sync run's outcome. */
    public record Result(int pages, int households, int sessions, boolean criteriaChanged) {
    }

    private final HubConnection hub;
    private final LocalDatabase db;
    private final Roster roster;
    private final Schedule schedule;
    private final Clock clock;
    // The hub lists the lesson packs it distributes; the kiosk fetches new versions after the sync.
    private volatile JsonNode lessonPacks;

    public Syncer(HubConnection hub, LocalDatabase db, Roster roster, Schedule schedule, Clock clock) {
        this.hub = hub;
        this.db = db;
        this.roster = roster;
        this.schedule = schedule;
        this.clock = clock;
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
            db.transaction(c -> {
                if (set != null && !set.isNull()) {
                    roster.storeCriteriaSet(c, set);
                }
                roster.store(c, page.path("households"));
                roster.storeRevocations(c, page.path("revokedCards"));
                JsonNode keys = page.get("hubPublicKeys");
                if (keys != null && keys.isArray() && !keys.isEmpty()) {
                    Settings.put(c, HUB_KEYS, keys.toString());
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
            pages++;
            households += page.path("households").size();
            sessions += page.path("sessions").size();
            criteria |= set != null && !set.isNull();
            more = page.path("more").asBoolean(false) && next != null && !next.equals(cursor);
            cursor = next;
        }
        return new Result(pages, households, sessions, criteria);
    }

    /** The latest {@code lessonPacks} list a sync page carried, if any did. */
    public Optional<JsonNode> lessonPacks() {
        return Optional.ofNullable(lessonPacks);
    }

    public Optional<Instant> lastSync() {
        return db.transaction(c -> Settings.get(c, LAST_SYNC)).map(Instant::parse);
    }
}
