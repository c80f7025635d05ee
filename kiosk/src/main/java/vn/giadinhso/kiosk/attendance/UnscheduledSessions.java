package vn.giadinhso.kiosk.attendance;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.giadinhso.kiosk.outbox.KioskEvents;
import vn.giadinhso.kiosk.store.LocalDatabase;

/**
 * Sessions staff open at the kiosk without a schedule (issue 13): a mobile team or an extra
 * session. The kiosk makes the id (a UUID, so two kiosks never collide offline), keeps the session
 * with the synced ones, and writes its {@code session.opened_at_kiosk} event in the same
 * transaction, before any check-in for it: the outbox sends it first, also after being offline.
 * Attendance is then taken with {@link AttendanceBook} as for a scheduled session.
 */
public final class UnscheduledSessions {

    /** How long an opened session lasts: long enough for a session, without anyone watching a timer. */
    public static final Duration LENGTH = Duration.ofHours(2);
    private static final int MAX_TOPIC = 200;
    private static final int TOPICS = 6;

    private final LocalDatabase db;
    private final KioskEvents events;
    private final Clock clock;

    public UnscheduledSessions(LocalDatabase db, KioskEvents events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    /** Opens a session on {@code topic} that starts now and lasts {@link #LENGTH}. */
    public Session open(String topic) {
        if (topic == null || topic.isBlank() || topic.strip().length() > MAX_TOPIC) {
            throw new IllegalArgumentException("a session needs a topic of at most " + MAX_TOPIC + " characters");
        }
        // As is, not truncated: stored text is compared with now's text ("…:10Z" sorts after "…:10.5Z").
        Instant starts = clock.instant();
        Session session = new Session(UUID.randomUUID().toString(), starts, starts.plus(LENGTH), null, topic.strip(), null);
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO session"
                    + "(id, starts_at, ends_at, place, topic, trainer, status) VALUES (?, ?, ?, NULL, ?, NULL, 'SCHEDULED')")) {
                s.setString(1, session.id());
                s.setString(2, session.startsAt().toString());
                s.setString(3, session.endsAt().toString());
                s.setString(4, session.topic());
                s.executeUpdate();
            }
            events.sessionOpenedAtKiosk(c, session.id(), session.topic(), session.startsAt(), session.endsAt());
            return null;
        });
        events.committed();
        return session;
    }

    /**
     * Staff close a session they opened here before its planned end: it ends now, here and (by
     * {@code session.closed_at_kiosk}) at the hub. A session already over stays as it is.
     */
    public void close(String sessionId) {
        Instant now = clock.instant(); // not truncated either, as in open()
        boolean closed = db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE session SET ends_at = ? WHERE id = ? AND starts_at < ? AND ends_at > ?")) {
                s.setString(1, now.toString());
                s.setString(2, sessionId);
                s.setString(3, now.toString());
                s.setString(4, now.toString());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            events.sessionClosedAtKiosk(c, sessionId, now);
            return true;
        });
        if (closed) {
            events.committed();
        }
    }

    /**
     * The topics staff choose from: those of the sessions this kiosk knows, most recent first, so a
     * mobile team repeats what the point teaches.
     */
    public List<String> topics() {
        return db.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT topic FROM session WHERE topic IS NOT NULL"
                    + " AND status = 'SCHEDULED' GROUP BY topic ORDER BY max(starts_at) DESC LIMIT ?")) {
                s.setInt(1, TOPICS);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
