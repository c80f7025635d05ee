package vn.giadinhso.hub.field;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Where a "VNeID level 2 verified in the field" record goes besides the field record itself:
 * {@code HubApp} connects it to the member's person progress
 * ({@code people.MemberProgressStore.recordVneidLevel2(…, "field-verified", …)}), so the field
 * package does not depend on the people package. {@link #KEPT_IN_FIELD_RECORDS} keeps it in the
 * field record only (tests of the field package on their own).
 */
@FunctionalInterface
public interface VneidVerifiedSeam {
  /** Called inside the transaction that stores the record, once per record id. */
  void verified(Handle tx, String communeId, String memberHash, Instant at, String by);

  VneidVerifiedSeam KEPT_IN_FIELD_RECORDS = (tx, communeId, memberHash, at, by) -> { };
}
