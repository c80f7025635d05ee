package vn.giadinhso.kiosk.screen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.giadinhso.kiosk.attendance.Session;

/**
 * The staff screen's "open an unscheduled session" (issue 13), without a window: staff choose a
 * topic, the session starts now and attendance is taken as for a scheduled one; they may close it
 * before its two hours are up. Only a session opened at this kiosk can be closed here — planned
 * ones are changed on the dashboard.
 */
public final class UnscheduledSessionModel {

    /** When the kiosk knows no session yet (a new point): a topic that fits any session. */
    static final String GENERAL_TOPIC = "Hỗ trợ kỹ năng số (buổi mở tại ki-ốt)";
    /** As many as fit the staff screen at 1366×768 as touch targets. */
    static final int MAX_TOPICS = 4;

    /** The kiosk's store of sessions opened here, as this screen uses it. */
    public interface Sessions {
        /** Topics of the sessions the kiosk knows, most recent first. */
        List<String> topics();

        Session open(String topic);

        void close(String sessionId);
    }

    private final Sessions sessions;
    private final Set<String> openedHere = new HashSet<>();

    public UnscheduledSessionModel(Sessions sessions) {
        this.sessions = sessions;
    }

    /** The topics of the sessions this kiosk knows, most recent first; a general one when it knows none. */
    public List<String> topics() {
        List<String> known = sessions.topics();
        return known.isEmpty() ? List.of(GENERAL_TOPIC) : known.subList(0, Math.min(MAX_TOPICS, known.size()));
    }

    /** Opens a session on one of {@link #topics()}, starting now. */
    public Session open(String topic) {
        if (!topics().contains(topic)) {
            throw new IllegalArgumentException("not one of the topics offered: " + topic);
        }
        Session session = sessions.open(topic);
        openedHere.add(session.id());
        return session;
    }

    public boolean closable(Session session) {
        return openedHere.contains(session.id());
    }

    /** Ends a session opened here now; the hub learns it from the outbox. */
    public void close(Session session) {
        if (!closable(session)) {
            throw new IllegalArgumentException("only a session opened at this kiosk is closed here");
        }
        sessions.close(session.id());
        openedHere.remove(session.id());
    }
}
