package vn.giadinhso.hub.kiosk;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Enrolment codes, enrolled kiosks, their tokens and what they last reported. */
public interface KioskRegistry {
  /** A new single-use code (valid 14 days) for enrolling one kiosk at the point. */
  String newEnrolmentCode(String supportPointId);

  /** Redeems a code: it can never be used again, whatever happens next. */
  Enrolment enrol(String code) throws EnrolmentRefused;

  /** The kiosk a bearer token belongs to, unless unknown or revoked. */
  Optional<Kiosk> authenticate(String token);

  /** Records what a kiosk said about itself on any request (for the dashboard's kiosk list). */
  void touch(String kioskId, KioskReport report);

  /**
   * As above, inside a write transaction the caller holds: ingest records the visit in the same
   * transaction as the batch, so a request waits for the single writer once, not twice.
   */
  void touch(Handle tx, String kioskId, KioskReport report);

  void revoke(String kioskId);

  Optional<KioskStatus> status(String kioskId);
}
