package vn.giadinhso.hub.field;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Where a "VNeID level 2 verified in the field" record goes besides the field record itself.
 * Person progress lives in {@code vn.giadinhso.hub.people} (branch i15-people), which was not on
 * main when this was written: {@link #KEPT_IN_FIELD_RECORDS} does nothing more, and the merge
 * connects {@code (tx, commune, hash, at, by) -> progress.recordVneidLevel2(tx, commune, hash,
 * "field-verified", at, by)} in {@code HubApp}. The field records keep the member's hash, so the
 * records made before the connection can be replayed into person progress.
 */
@FunctionalInterface
public interface VneidVerifiedSeam {
  /** Called inside the transaction that stores the record, once per record id. */
  void verified(Handle tx, String communeId, String memberHash, Instant at, String by);

  VneidVerifiedSeam KEPT_IN_FIELD_RECORDS = (tx, communeId, memberHash, at, by) -> { };
}
