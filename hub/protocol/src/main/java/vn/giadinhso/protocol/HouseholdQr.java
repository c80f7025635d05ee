package vn.giadinhso.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The household QR card payload (docs/household-qr.md), written by the hub and checked offline by
 * kiosks with the hub's public keys:
 *
 * <pre>GDS2|keyId|communeId|householdCode|yyyyMMdd|serial|base64url(Ed25519 signature)</pre>
 *
 * <p>{@code keyId} names the signing key, so the hub can rotate it while old cards stay valid
 * until a date the admin sets; {@code serial} counts the household's card issues, so revoking a
 * lost card (all serials up to n) leaves a reprint (n+1) valid. Version 1 cards
 * ({@code GDS1|communeId|householdCode|yyyyMMdd|sig}) read as key {@value #FIRST_KEY_ID}, serial 0.
 */
public final class HouseholdQr {
  public static final String V1 = "GDS1";
  public static final String V2 = "GDS2";
  /** The key id of a hub's first signing key, and of every version 1 card. */
  public static final String FIRST_KEY_ID = "1";
  public static final Pattern COMMUNE_ID = Pattern.compile("[a-z0-9-]{1,32}");
  public static final Pattern HOUSEHOLD_CODE = Pattern.compile("[A-Z0-9-]{1,32}");
  public static final Pattern KEY_ID = Pattern.compile("[1-9][0-9]{0,3}");
  public static final int MAX_SERIAL = 999_999;
  /** Longest payload read at all; a real one is under 150 characters. */
  public static final int MAX_LENGTH = 256;
  private static final Pattern SERIAL = Pattern.compile("[1-9][0-9]{0,5}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
  private static final int SIGNATURE_CHARS = 86;
  private static final int SIGNATURE_BYTES = 64;

  /** What a card says. {@code serial} is 0 for a version 1 card (it has none). */
  public record Card(String keyId, String communeId, String householdCode, LocalDate issued, int serial) {}

  /** A hub public key as kiosks hold it; {@code validUntil} null while it is the current key. */
  public record HubKey(String keyId, PublicKey publicKey, LocalDate validUntil) {}

  /**
   * A payload as read: every field that could be read (null otherwise) and the reasons it cannot
   * be trusted. {@code expired} marks a card whose only fault is a key past its {@code validUntil}.
   */
  public record Reading(List<String> errors, Card card, boolean expired) {
    public Reading {
      errors = List.copyOf(errors);
    }

    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private HouseholdQr() {}

  /** The text the signature covers: the payload up to its last {@code |}. */
  public static String signedPart(Card card) {
    check(COMMUNE_ID, card.communeId(), "commune id");
    check(HOUSEHOLD_CODE, card.householdCode(), "household code");
    check(KEY_ID, card.keyId(), "key id");
    if (card.serial() < 1 || card.serial() > MAX_SERIAL) {
      throw new IllegalArgumentException("serial must be 1–" + MAX_SERIAL);
    }
    return V2 + "|" + card.keyId() + "|" + card.communeId() + "|" + card.householdCode() + "|"
        + DATE.format(card.issued()) + "|" + card.serial();
  }

  /** A version 2 payload signed with {@code key}, which must be the key {@code card.keyId()} names. */
  public static String sign(Card card, PrivateKey key) {
    String signed = signedPart(card);
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(signed.getBytes(StandardCharsets.UTF_8));
      return signed + "|" + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * Reads and verifies a payload against the hub's keys, on {@code today} (the reader's clock; null
   * skips the expiry check). With no keys at all a well-formed card is reported unverifiable.
   */
  public static Reading read(String text, Collection<HubKey> keys, LocalDate today) {
    Parsed p = parse(text);
    if (!p.errors.isEmpty()) {
      return new Reading(p.errors, p.card(), false);
    }
    List<String> errors = new ArrayList<>();
    boolean expired = false;
    HubKey key = keys.stream().filter(k -> k.keyId().equals(p.keyId)).findFirst().orElse(null);
    if (keys.isEmpty()) {
      errors.add("unverifiable: no hub public key configured, the signature was not checked");
    } else if (key == null) {
      errors.add("signed with hub key " + p.keyId + ", which this reader does not know: sync with the hub");
    } else if (!verifies(key.publicKey(), p.signed, p.signature)) {
      errors.add("signature does not verify with the hub key: the card was altered or signed by another hub");
    } else if (today != null && key.validUntil() != null && today.isAfter(key.validUntil())) {
      errors.add("card expired (thẻ đã hết hạn — xin cấp thẻ mới): hub key " + p.keyId + " signed cards valid until "
          + key.validUntil());
      expired = true;
    }
    return new Reading(errors, p.card(), expired);
  }

  /**
   * The card, if well formed and signed by {@code key} whatever key id it names; no expiry. For the
   * hub's own tools and tests, which know which key they signed with.
   */
  public static Optional<Card> verify(String payload, PublicKey key) {
    Parsed p = parse(payload);
    if (!p.errors.isEmpty()) {
      return Optional.empty();
    }
    Reading r = read(payload, List.of(new HubKey(p.keyId, key, null)), null);
    return r.valid() ? Optional.of(r.card()) : Optional.empty();
  }

  /** The key id a payload names ({@value #FIRST_KEY_ID} for a version 1 card), before any check. */
  public static Optional<String> keyId(String text) {
    if (text == null || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (text.startsWith(V1 + "|")) {
      return Optional.of(FIRST_KEY_ID);
    }
    String[] f = text.split("\\|", -1);
    return f.length == 7 && f[0].equals(V2) && KEY_ID.matcher(f[1]).matches() ? Optional.of(f[1]) : Optional.empty();
  }

  private static final class Parsed {
    final List<String> errors = new ArrayList<>();
    String keyId;
    String commune;
    String household;
    LocalDate issued;
    int serial = -1;
    String signed;
    byte[] signature;

    Card card() {
      return new Card(keyId, commune, household, issued, Math.max(serial, 0));
    }
  }

  private static Parsed parse(String text) {
    Parsed p = new Parsed();
    if (text == null || text.isEmpty()) {
      p.errors.add("household QR is empty");
      return p;
    }
    if (text.length() > MAX_LENGTH) {
      p.errors.add("household QR longer than " + MAX_LENGTH + " characters");
      return p;
    }
    String[] f = text.split("\\|", -1);
    int expected;
    if (f[0].equals(V1)) {
      expected = 5;
    } else if (f[0].equals(V2)) {
      expected = 7;
    } else {
      p.errors.add("household QR must start with 'GDS2|' (or 'GDS1|' for a first-version card): "
          + "an unknown version, or not a household card");
      return p;
    }
    if (f.length != expected) {
      p.errors.add("household QR " + f[0] + " has exactly " + expected + " fields separated by '|', got " + f.length);
      return p;
    }
    int i = 1;
    if (expected == 7) {
      p.keyId = KEY_ID.matcher(f[i]).matches() ? f[i] : null;
      if (p.keyId == null) {
        p.errors.add("key id must be a number 1–9999 without leading zeros");
      }
      i++;
    } else {
      p.keyId = FIRST_KEY_ID;
      p.serial = 0;
    }
    p.commune = COMMUNE_ID.matcher(f[i]).matches() ? f[i] : null;
    if (p.commune == null) {
      p.errors.add("commune id must be 1–32 of a–z, 0–9 and '-'");
    }
    i++;
    p.household = HOUSEHOLD_CODE.matcher(f[i]).matches() ? f[i] : null;
    if (p.household == null) {
      p.errors.add("household code must be 1–32 of A–Z, 0–9 and '-'");
    }
    i++;
    p.issued = date(f[i]);
    if (p.issued == null) {
      p.errors.add("issue date must be a real date in yyyyMMdd form");
    }
    i++;
    if (expected == 7) {
      if (SERIAL.matcher(f[i]).matches()) {
        p.serial = Integer.parseInt(f[i]);
      } else {
        p.errors.add("serial must be a number 1–" + MAX_SERIAL + " without leading zeros");
      }
      i++;
    }
    p.signature = signature(f[i]);
    if (p.signature == null) {
      p.errors.add("signature must be 64 bytes of base64url without padding (86 characters)");
    }
    p.signed = text.substring(0, text.lastIndexOf('|'));
    return p;
  }

  private static LocalDate date(String s) {
    if (s.length() != 8) {
      return null;
    }
    try {
      return LocalDate.parse(s, DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static byte[] signature(String field) {
    if (field.length() != SIGNATURE_CHARS) {
      return null;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return null;
      }
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(field);
      // The decoder ignores the last character's unused bits; without this check two different
      // printed cards would carry "the same" valid signature.
      boolean canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(field);
      return bytes.length == SIGNATURE_BYTES && canonical ? bytes : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean verifies(PublicKey key, String signed, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(signed.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      // A malformed signature is a forged card as far as the resident is concerned.
      return false;
    }
  }

  private static void check(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " outside the QR alphabet");
    }
  }
}
