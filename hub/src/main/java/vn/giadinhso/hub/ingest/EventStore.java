package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The exactly-once log of kiosk events. */
public interface EventStore {
  /**
   * Stores a batch in one transaction; ids already present count as duplicates. The log only:
   * nothing is projected (ingest passes {@link Projections} to the method below).
   */
  default IngestCounts append(String kioskId, List<IncomingEvent> events, Instant receivedAt) {
    return append(kioskId, events, receivedAt, Projection.NONE);
  }

  /**
   * As above, applying {@code projection} to the newly stored events in the same transaction
   * (also when none was new, even for an empty batch).
   */
  IngestCounts append(String kioskId, List<IncomingEvent> events, Instant receivedAt, Projection projection);

  /** Every stored event matching the filters (null = any), oldest id first, streamed. */
  void forEach(String kioskId, String type, Consumer<StoredEvent> sink);

  long count();
}
