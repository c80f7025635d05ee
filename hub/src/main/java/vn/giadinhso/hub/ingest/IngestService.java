package vn.giadinhso.hub.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.giadinhso.hub.kiosk.Kiosk;
import vn.giadinhso.hub.kiosk.KioskRegistry;
import vn.giadinhso.hub.kiosk.KioskReport;

/** Validates a kiosk's batch and appends it to the log exactly once, with what its events imply. */
public final class IngestService {
  private final EventBatchReader reader;
  private final EventStore store;
  private final LessonPractice lessonPractice;
  private final KioskRegistry kiosks;
  private final Clock clock;
  private final SealedMembers sealedMembers;

  public IngestService(EventBatchReader reader, EventStore store, LessonPractice lessonPractice,
      KioskRegistry kiosks, Clock clock, SealedMembers sealedMembers) {
    this.reader = reader;
    this.store = store;
    this.lessonPractice = lessonPractice;
    this.kiosks = kiosks;
    this.clock = clock;
    this.sealedMembers = sealedMembers;
  }

  /**
   * Stores the batch and records the kiosk's visit ({@code report}) in one transaction, and says
   * which new events changed nothing because they reach outside the kiosk's commune.
   */
  public IngestResult ingest(Kiosk kiosk, KioskReport report, byte[] body) throws BatchRejected {
    List<IncomingEvent> events = sealedMembers.open(kiosk, reader.read(body));
    Projection visit = (tx, newlyStored) -> kiosks.touch(tx, kiosk.id(), report);
    List<IngestResult.Ignored> ignored = new ArrayList<>();
    Projection readIgnored = (tx, newlyStored) -> {
      ignored.clear(); // the store may retry the transaction
      ignored.addAll(IgnoredEvents.among(tx, newlyStored));
    };
    IngestCounts counts = store.append(kiosk.id(), events, clock.instant(),
        Projections.forKiosk(kiosk).andThen(lessonPractice.forKiosk(kiosk)).andThen(visit).andThen(readIgnored));
    return new IngestResult(counts.accepted(), counts.duplicates(), ignored);
  }
}
