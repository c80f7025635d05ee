package vn.giadinhso.kiosk.attendance;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.kiosk.store.LocalDatabase;

/** Sessions at this support point, as synced; cancelled ones are kept out of every list. */
public final class Schedule {

    private final LocalDatabase db;

    public Schedule(LocalDatabase db) {
        this.db = db;
    }

    /** Sessions that have not ended by {@code now}, soonest first, at most {@code limit}. */
    public List<Session> upcoming(Instant now, int limit) {
        return query("SELECT id, starts_at, ends_at, place, topic, trainer FROM session"
                + " WHERE status = 'SCHEDULED' AND ends_at > ? AND starts_at < ? ORDER BY starts_at LIMIT ?",
                now.toString(), "9999", limit);
    }

    /** Sessions overlapping [from, to): "today's sessions" for attendance. */
    public List<Session> between(Instant from, Instant to) {
        return query("SELECT id, starts_at, ends_at, place, topic, trainer FROM session"
                + " WHERE status = 'SCHEDULED' AND ends_at > ? AND starts_at < ? ORDER BY starts_at LIMIT ?",
                from.toString(), to.toString(), 100);
    }

    public void store(Connection c, JsonNode sessions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO session"
                + "(id, starts_at, ends_at, place, topic, trainer, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (JsonNode n : sessions) {
                s.setString(1, n.path("id").asText());
                // Stored in Instant.toString form so text comparison orders them by time.
                s.setString(2, Instant.parse(n.path("startsAt").asText()).toString());
                s.setString(3, Instant.parse(n.path("endsAt").asText()).toString());
                s.setString(4, n.path("place").asText(null));
                s.setString(5, n.path("topic").asText(null));
                s.setString(6, n.path("trainer").asText(null));
                s.setString(7, n.path("status").asText("SCHEDULED"));
                s.executeUpdate();
            }
        }
    }

    private List<Session> query(String sql, String after, String before, int limit) {
        return db.transaction(c -> {
            List<Session> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, after);
                s.setString(2, before);
                s.setInt(3, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Session(r.getString(1), Instant.parse(r.getString(2)), Instant.parse(r.getString(3)),
                                r.getString(4), r.getString(5), r.getString(6)));
                    }
                }
            }
            return out;
        });
    }
}
