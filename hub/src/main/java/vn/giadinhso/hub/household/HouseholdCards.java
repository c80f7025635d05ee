package vn.giadinhso.hub.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.hub.identity.SigningKeys;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.hub.storage.Revisions;
import vn.giadinhso.protocol.HouseholdQr;

/**
 * Issues household QR cards (signed with the current key, with the household's current serial)
 * and revokes them. Printing writes nothing: every print of one issue carries the same serial, and
 * only a revocation moves a household on to the next serial.
 */
public final class HouseholdCards {
  /** A household's revoked serials, as kiosks receive them. */
  public record Revocation(String householdCode, int revokedThrough) {}

  /** A public signing key as kiosks receive it (enrolment and every sync); {@code validUntil} yyyy-MM-dd or null. */
  public record PublicKeyEntry(String keyId, String publicKey, String validUntil) {}

  private final Database db;
  private final HubSecrets secrets;
  private final Clock clock;

  public HouseholdCards(Database db, HubSecrets secrets, Clock clock) {
    this.db = db;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** The signed payload for {@code householdCode} of {@code communeId}, issued on {@code issued}. */
  public String payload(String communeId, String householdCode, LocalDate issued) {
    SigningKeys.SigningKey key = secrets.signing().current();
    return HouseholdQr.sign(new HouseholdQr.Card(key.keyId(), communeId, householdCode, issued,
        serial(householdCode)), key.pair().getPrivate());
  }

  /** Every signing key's public half, oldest first, with the date its cards stay valid until. */
  public List<PublicKeyEntry> publicKeys() {
    return secrets.signing().all().stream()
        .map(k -> new PublicKeyEntry(k.keyId(), k.publicKeyText(), k.validUntil() == null ? null : k.validUntil().toString()))
        .toList();
  }

  /** The serial a card printed now carries. */
  public int serial(String householdCode) {
    return db.reader().withHandle(h -> h.createQuery("SELECT serial FROM household_card WHERE household_code = :c")
        .bind("c", householdCode).mapTo(Integer.class).findOne()).orElse(1);
  }

  /** The highest revoked serial, if any card of the household was revoked. */
  public Optional<Integer> revokedThrough(String householdCode) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT revoked_through FROM household_card WHERE household_code = :c")
        .bind("c", householdCode).mapTo(Integer.class).findOne());
  }

  /**
   * Revokes every card of the household issued so far (and every version 1 card, serial 0); the
   * next print gets the next serial. Returns the revoked-through serial.
   *
   * @throws IllegalArgumentException when there is no such household
   */
  public int revoke(String householdCode) {
    return db.writer().inTransaction(h -> {
      String commune = h.createQuery("SELECT commune_id FROM household WHERE code = :c").bind("c", householdCode)
          .mapTo(String.class).findOne()
          .orElseThrow(() -> new IllegalArgumentException("no household with code " + householdCode));
      int current = h.createQuery("SELECT serial FROM household_card WHERE household_code = :c")
          .bind("c", householdCode).mapTo(Integer.class).findOne().orElse(1);
      long rev = Revisions.next(h);
      h.createUpdate("DELETE FROM household_card WHERE household_code = :c").bind("c", householdCode).execute();
      h.createUpdate("INSERT INTO household_card (household_code, commune_id, serial, revoked_through, revoked_at, rev) "
              + "VALUES (:c, :commune, :serial, :through, :at, :rev)")
          .bind("c", householdCode).bind("commune", commune).bind("serial", current + 1).bind("through", current)
          .bind("at", clock.instant().toString()).bind("rev", rev).execute();
      return current;
    });
  }

  /** Revocations of {@code communeId} with a sync revision in (since, upTo], oldest first. */
  public List<Revocation> revokedBetween(String communeId, long since, long upTo) {
    return db.reader().withHandle(h -> h.createQuery(
            "SELECT household_code, revoked_through FROM household_card "
                + "WHERE commune_id = :commune AND rev > :since AND rev <= :upTo ORDER BY rev")
        .bind("commune", communeId).bind("since", since).bind("upTo", upTo)
        .map((rs, ctx) -> new Revocation(rs.getString(1), rs.getInt(2))).list());
  }
}
