package vn.giadinhso.hub.ingest;

import java.time.Clock;
import java.util.List;
import vn.giadinhso.hub.kiosk.Kiosk;

/** Validates a kiosk's batch and appends it to the log exactly once, with what its events imply. */
public final class IngestService {
  private final EventBatchReader reader;
  private final EventStore store;
  private final LessonPractice lessonPractice;
  private final Clock clock;

  public IngestService(EventBatchReader reader, EventStore store, LessonPractice lessonPractice, Clock clock) {
    this.reader = reader;
    this.store = store;
    this.lessonPractice = lessonPractice;
    this.clock = clock;
  }

  public IngestCounts ingest(Kiosk kiosk, byte[] body) throws BatchRejected {
    List<IncomingEvent> events = reader.read(body);
    return store.append(kiosk.id(), events, clock.instant(), lessonPractice.forKiosk(kiosk));
  }
}
