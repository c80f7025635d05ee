package vn.giadinhso.hub.ingest;

import java.util.List;
import vn.giadinhso.hub.kiosk.Kiosk;

/**
 * The tables the dashboard reads, kept by Java in each batch's own transaction for the events
 * that batch newly stored (a retried batch projects nothing twice), in SQL both SQLite and
 * PostgreSQL run. They replaced the SQLite triggers of migrations V3, V5 and V24 (dropped by V30;
 * decision record hub-011). Kiosk visits ({@code KioskRegistry.touch}) and lesson practice
 * ({@link LessonPractice}) are applied beside them by {@link IngestService}.
 */
public final class Projections {
  private static final List<DashboardProjection> ALL = List.of(
      // Sessions opened at a kiosk before the check-ins that name them.
      new SessionsOpenedAtKiosks(), new ActivityCounts(), new AttendanceProjection(), new SupportRequests(), new Declarations(), new MemberDeclarations());

  private Projections() {}

  public static Projection forKiosk(Kiosk kiosk) {
    return (tx, newlyStored) -> {
      if (newlyStored.isEmpty()) {
        return;
      }
      CommuneScope commune = new CommuneScope(tx, kiosk.communeId());
      for (DashboardProjection projection : ALL) {
        projection.apply(tx, kiosk, commune, newlyStored);
      }
    };
  }
}
