package vn.giadinhso.kiosk.outbox;

import vn.giadinhso.protocol.Uuid7;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.kiosk.store.LocalDatabase;

/**
 * Events waiting for the hub. {@link #append} returns only after the row is committed and
 * fsynced, which is what lets the kiosk say "recorded" to a resident or a headless caller.
 */
public final class Outbox {

    private final LocalDatabase db;
    private final Uuid7 ids;
    private final Clock clock;
    private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Outbox(LocalDatabase db, Uuid7 ids, Clock clock) {
        this.db = db;
        this.ids = ids;
        this.clock = clock;
    }

    /** Called after each append, e.g. to wake the sender. */
    public void onAppend(Runnable listener) {
        listeners.add(listener);
    }

    public OutboxEvent append(String type, String payloadJson) {
        OutboxEvent event = db.transaction(c -> append(c, type, payloadJson));
        listeners.forEach(Runnable::run);
        return event;
    }

    /** Appends inside a caller's transaction, so a fact and its event are stored together. */
    public OutboxEvent append(Connection c, String type, String payloadJson) throws SQLException {
        OutboxEvent event = new OutboxEvent(ids.next(), type, clock.instant(), payloadJson);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox(id, type, at, payload) VALUES (?, ?, ?, ?)")) {
            s.setString(1, event.id());
            s.setString(2, event.type());
            s.setString(3, event.at().toString());
            s.setString(4, event.payload());
            s.executeUpdate();
        }
        return event;
    }

    public void changed() {
        listeners.forEach(Runnable::run);
    }

    /** The oldest events first, at most {@code limit}. */
    public List<OutboxEvent> oldest(int limit) {
        return db.transaction(c -> {
            List<OutboxEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, type, at, payload FROM outbox ORDER BY seq LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        events.add(new OutboxEvent(r.getString(1), r.getString(2), Instant.parse(r.getString(3)),
                                r.getString(4)));
                    }
                }
            }
            return events;
        });
    }

    /**
     * Consecutive outbox rows read together, with the range of their row numbers ({@code seq}), so
     * the sender can read the next batch while this one is in flight and delete it in one statement.
     */
    public record Batch(List<OutboxEvent> events, long firstSeq, long lastSeq) {
        public boolean isEmpty() {
            return events.isEmpty();
        }

        public int size() {
            return events.size();
        }
    }

    /**
     * The oldest events after row {@code seq} (0: from the start), at most {@code limit} of them and
     * at most about {@code maxBytes} of JSON (always at least one event).
     */
    public Batch after(long seq, int limit, int maxBytes) {
        return db.transaction(c -> {
            List<OutboxEvent> events = new ArrayList<>();
            long first = 0;
            long last = 0;
            long bytes = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, id, type, at, payload FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
                s.setLong(1, seq);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        OutboxEvent e = new OutboxEvent(r.getString(2), r.getString(3), Instant.parse(r.getString(4)),
                                r.getString(5));
                        bytes += jsonBytes(e);
                        if (!events.isEmpty() && bytes > maxBytes) {
                            break;
                        }
                        if (events.isEmpty()) {
                            first = r.getLong(1);
                        }
                        last = r.getLong(1);
                        events.add(e);
                    }
                }
            }
            return new Batch(events, first, last);
        });
    }

    // The event's size in the posted body: the payload goes raw (HubConnection), id and type are
    // plain ASCII, the time at most 30 characters; 64 covers the keys and punctuation.
    private static long jsonBytes(OutboxEvent e) {
        return 64 + utf8Bytes(e.id()) + utf8Bytes(e.type()) + 30 + utf8Bytes(e.payload());
    }

    private static long utf8Bytes(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            n += ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }

    /**
     * Removes a batch the hub has acknowledged, in one statement over its row range: rows are
     * numbered by AUTOINCREMENT, so no row enters the range after it was read, and a row that left
     * it meanwhile (quarantined) is simply not there.
     */
    public void acknowledge(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE seq BETWEEN ? AND ?")) {
                s.setLong(1, batch.firstSeq());
                s.setLong(2, batch.lastSeq());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** Removes events the hub has acknowledged. */
    public void acknowledge(List<OutboxEvent> events) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                for (OutboxEvent e : events) {
                    s.setString(1, e.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Moves an event the hub refused aside, in one transaction: it leaves the outbox only as it
     * enters the quarantine, so it is never lost and never blocks the events after it again.
     */
    public void quarantine(OutboxEvent event, int status, String reason) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO quarantine"
                    + "(id, type, at, payload, status, reason, quarantined_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, event.id());
                s.setString(2, event.type());
                s.setString(3, event.at().toString());
                s.setString(4, event.payload());
                s.setInt(5, status);
                s.setString(6, reason);
                s.setString(7, clock.instant().toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                s.setString(1, event.id());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** An event in quarantine and why the hub refused it. */
    public record Quarantined(OutboxEvent event, int status, String reason, Instant quarantinedAt) {
    }

    /** The quarantined events, oldest first. */
    public List<Quarantined> quarantined() {
        return db.transaction(c -> {
            List<Quarantined> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, type, at, payload, status, reason, quarantined_at FROM quarantine ORDER BY at, id")) {
                while (r.next()) {
                    out.add(new Quarantined(new OutboxEvent(r.getString(1), r.getString(2), Instant.parse(r.getString(3)),
                            r.getString(4)), r.getInt(5), r.getString(6), Instant.parse(r.getString(7))));
                }
            }
            return out;
        });
    }

    /**
     * Puts quarantined events back at the end of the outbox (after the hub was fixed, say); their
     * ids are unchanged, so the hub still counts each once. Returns how many were moved.
     */
    public int release(List<String> ids) {
        int moved = db.transaction(c -> {
            int n = 0;
            try (PreparedStatement in = c.prepareStatement(
                    "INSERT INTO outbox(id, type, at, payload) SELECT id, type, at, payload FROM quarantine WHERE id = ?");
                 PreparedStatement out = c.prepareStatement("DELETE FROM quarantine WHERE id = ?")) {
                for (String id : ids) {
                    in.setString(1, id);
                    if (in.executeUpdate() == 1) {
                        out.setString(1, id);
                        out.executeUpdate();
                        n++;
                    }
                }
            }
            return n;
        });
        listeners.forEach(Runnable::run);
        return moved;
    }

    public int backlog() {
        return count("SELECT count(*) FROM outbox");
    }

    public int quarantineSize() {
        return count("SELECT count(*) FROM quarantine");
    }

    private int count(String sql) {
        return db.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                return r.next() ? r.getInt(1) : 0;
            }
        });
    }
}
