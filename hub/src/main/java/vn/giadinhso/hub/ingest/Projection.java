package vn.giadinhso.hub.ingest;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What newly stored events change elsewhere, applied in the same transaction as their insert: an
 * event is then either stored and applied, or neither, and a retried (duplicate) event is never
 * applied twice. It runs for every batch, also when nothing in it was new (a list then empty).
 */
@FunctionalInterface
public interface Projection {
  Projection NONE = (tx, newlyStored) -> { };

  void apply(Handle tx, List<IncomingEvent> newlyStored);

  default Projection andThen(Projection next) {
    return (tx, newlyStored) -> {
      apply(tx, newlyStored);
      next.apply(tx, newlyStored);
    };
  }
}
