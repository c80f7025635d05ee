package vn.giadinhso.hub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of citizen ID numbers. Each commune gets its own key, derived from the hub's master
 * key, because kiosks must hash scanned cards themselves: a stolen kiosk then exposes only its own
 * commune's key, and the master key never leaves the hub.
 */
public final class MemberIdHasher {
  private final byte[] masterKey;

  MemberIdHasher(byte[] masterKey) {
    this.masterKey = masterKey.clone();
  }

  /** The key kiosks of this commune receive at enrolment. */
  public byte[] communeKey(String communeId) {
    return hmac(masterKey, "member-id-hash/v1/" + communeId);
  }

  public String hash(String communeId, String idNumber) {
    return hashWithKey(communeKey(communeId), idNumber);
  }

  public static String hashWithKey(byte[] communeKey, String idNumber) {
    return HexFormat.of().formatHex(hmac(communeKey, idNumber));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
