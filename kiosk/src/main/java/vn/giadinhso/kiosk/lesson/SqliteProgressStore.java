package vn.giadinhso.kiosk.lesson;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.kiosk.store.LocalDatabase;

/** Progress in the kiosk's SQLite file (table lesson_progress, migration V2). */
public final class SqliteProgressStore implements ProgressStore {

    private final LocalDatabase db;
    private final Clock clock;

    public SqliteProgressStore(LocalDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Optional<Progress> load(String lessonId, String learner) {
        return db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT version, step, misses, started_at FROM lesson_progress WHERE lesson_id = ? AND learner = ?")) {
                s.setString(1, lessonId);
                s.setString(2, learner);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Progress(lessonId, r.getInt(1), r.getInt(2), parse(r.getString(3)),
                            Instant.parse(r.getString(4))));
                }
            }
        });
    }

    @Override
    public void save(String learner, Progress p) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO lesson_progress"
                    + "(lesson_id, learner, version, step, misses, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT(lesson_id, learner) DO UPDATE SET version = excluded.version, step = excluded.step, "
                    + "misses = excluded.misses, started_at = excluded.started_at, updated_at = excluded.updated_at")) {
                s.setString(1, p.lessonId());
                s.setString(2, learner);
                s.setInt(3, p.version());
                s.setInt(4, p.step());
                s.setString(5, format(p.misses()));
                s.setString(6, p.startedAt().toString());
                s.setString(7, clock.instant().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clear(String lessonId, String learner) {
        db.transaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM lesson_progress WHERE lesson_id = ? AND learner = ?")) {
                s.setString(1, lessonId);
                s.setString(2, learner);
                s.executeUpdate();
            }
            return null;
        });
    }

    // A comma list of small numbers; no JSON needed for that.
    private static String format(List<Integer> misses) {
        return String.join(",", misses.stream().map(String::valueOf).toList());
    }

    private static List<Integer> parse(String text) {
        List<Integer> misses = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                misses.add(Integer.parseInt(part.trim()));
            }
        }
        return misses;
    }
}
