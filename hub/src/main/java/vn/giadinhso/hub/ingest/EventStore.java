package vn.giadinhso.hub.ingest;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The exactly-once log of kiosk events. */
public interface EventStore {
  /** Stores a batch in one transaction; ids already present count as duplicates. */
  IngestCounts append(String kioskId, List<IncomingEvent> events, Instant receivedAt);

  /** Every stored event matching the filters (null = any), oldest id first, streamed. */
  void forEach(String kioskId, String type, Consumer<StoredEvent> sink);

  long count();
}
