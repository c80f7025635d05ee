package vn.giadinhso.hub.ingest;

import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.kiosk.Kiosk;

/** One of the tables the dashboard reads, kept up to date from a kiosk's newly stored events. */
interface DashboardProjection {
  void apply(Handle tx, Kiosk kiosk, CommuneScope commune, List<IncomingEvent> newlyStored);
}
