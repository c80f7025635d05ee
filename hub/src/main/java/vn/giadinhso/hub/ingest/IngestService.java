package vn.giadinhso.hub.ingest;

import java.time.Clock;
import java.util.List;

/** Validates a kiosk's batch and appends it to the log exactly once. */
public final class IngestService {
  private final EventBatchReader reader;
  private final EventStore store;
  private final Clock clock;

  public IngestService(EventBatchReader reader, EventStore store, Clock clock) {
    this.reader = reader;
    this.store = store;
    this.clock = clock;
  }

  public IngestCounts ingest(String kioskId, byte[] body) throws BatchRejected {
    List<IncomingEvent> events = reader.read(body);
    return store.append(kioskId, events, clock.instant());
  }
}
