package vn.giadinhso.hub.ingest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.StorageException;

public final class SqliteEventStore implements EventStore {
  private final Database db;

  public SqliteEventStore(Database db) {
    this.db = db;
  }

  @Override
  public IngestCounts append(String kioskId, List<IncomingEvent> events, Instant receivedAt, Projection projection) {
    if (events.isEmpty() && projection == Projection.NONE) {
      return new IngestCounts(0, 0);
    }
    try {
      return db.writer().<IngestCounts, SQLException>inTransaction(h -> {
        boolean[] stored = new boolean[events.size()];
        int inserted = events.isEmpty() ? 0
            : RawEventInsert.insert(h.getConnection(), kioskId, events, receivedAt.toString(), stored);
        if (projection != Projection.NONE) {
          List<IncomingEvent> fresh = new java.util.ArrayList<>(inserted);
          for (int i = 0; i < stored.length; i++) {
            if (stored[i]) {
              fresh.add(events.get(i));
            }
          }
          projection.apply(h, fresh);
        }
        return new IngestCounts(inserted, events.size() - inserted);
      });
    } catch (SQLException e) {
      throw new StorageException("could not store a batch of events: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEach(String kioskId, String type, Consumer<StoredEvent> sink) {
    db.reader().useHandle(h -> h.createQuery(
            "SELECT id, kiosk_id, type, at, received_at, payload FROM event "
                + "WHERE (:k IS NULL OR kiosk_id = :k) AND (:t IS NULL OR type = :t) ORDER BY id")
        .bind("k", kioskId)
        .bind("t", type)
        .setFetchSize(1000)
        .map((rs, ctx) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
            Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5)), rs.getString(6)))
        .useStream(stream -> stream.forEach(sink)));
  }

  @Override
  public long count() {
    return db.reader().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM event").mapTo(Long.class).one());
  }
}
