package vn.giadinhso.hub.household;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Household QR payloads as specified in docs/household-qr.md:
 * {@code GDS1|communeId|householdCode|yyyyMMdd|base64url(Ed25519 signature)}.
 */
public final class HouseholdQr {
  public static final String TAG = "GDS1";
  static final Pattern COMMUNE_ID = Pattern.compile("[a-z0-9-]{1,32}");
  public static final Pattern HOUSEHOLD_CODE = Pattern.compile("[A-Z0-9-]{1,32}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** What a valid card says. */
  public record Card(String communeId, String householdCode, LocalDate issued) {}

  private HouseholdQr() {}

  public static String sign(Card card, PrivateKey key) {
    if (!COMMUNE_ID.matcher(card.communeId()).matches()
        || !HOUSEHOLD_CODE.matcher(card.householdCode()).matches()) {
      throw new IllegalArgumentException("commune id or household code outside the QR alphabet");
    }
    String signed = TAG + "|" + card.communeId() + "|" + card.householdCode() + "|" + DATE.format(card.issued());
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(signed.getBytes(StandardCharsets.UTF_8));
      return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** The card, if the payload is well formed and signed by {@code key}; empty otherwise. */
  public static Optional<Card> verify(String payload, PublicKey key) {
    if (payload == null || payload.length() > 256) {
      return Optional.empty();
    }
    int lastBar = payload.lastIndexOf('|');
    String[] fields = payload.split("\\|", -1);
    if (fields.length != 5 || !TAG.equals(fields[0])
        || !COMMUNE_ID.matcher(fields[1]).matches()
        || !HOUSEHOLD_CODE.matcher(fields[2]).matches()) {
      return Optional.empty();
    }
    try {
      LocalDate issued = LocalDate.parse(fields[3], DATE);
      byte[] signature = Base64.getUrlDecoder().decode(fields[4]);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(payload.substring(0, lastBar).getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature) ? Optional.of(new Card(fields[1], fields[2], issued)) : Optional.empty();
    } catch (GeneralSecurityException | RuntimeException malformed) {
      return Optional.empty();
    }
  }
}
