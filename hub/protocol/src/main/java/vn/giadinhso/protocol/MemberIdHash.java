package vn.giadinhso.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of citizen ID numbers (docs/member-ids.md). A commune's member hash under key
 * version v is a chain: {@code h1 = HMAC-SHA256(k1, id)}, {@code hv = HMAC-SHA256(kv, h(v-1))},
 * so the hub can move every stored hash to a new key without knowing any ID number. Version 1's
 * key is derived from the hub's master key; later versions are random keys in the hub's secrets
 * file. Kiosks keep only the {@link #tag} of a hash, never the hash itself.
 */
public final class MemberIdHash {
  /** Bits of a hash a kiosk keeps: 10^6 candidates / 2^14 ≈ 61 plausible ID numbers per entry. */
  public static final int TAG_BITS = 14;
  public static final int HASH_BYTES = 32;
  private static final String HMAC = "HmacSHA256";

  private MemberIdHash() {}

  /** Version 1 of a commune's key: HMAC-SHA256(master, "member-id-hash/v1/" + communeId). */
  public static byte[] communeKeyV1(byte[] masterKey, String communeId) {
    return hmac(masterKey, ("member-id-hash/v1/" + communeId).getBytes(StandardCharsets.UTF_8));
  }

  /** h1: the hash of a 12-digit ID number under version 1's key. */
  public static byte[] first(byte[] key, String idNumber) {
    if (!isTwelveDigits(idNumber)) {
      // No value in the message: it may be a (malformed) ID number.
      throw new IllegalArgumentException("an ID number is 12 ASCII digits");
    }
    return hmac(key, idNumber.getBytes(StandardCharsets.US_ASCII));
  }

  /** One link of the chain: h(v) = HMAC-SHA256(k(v), h(v-1)) over the 32 raw bytes. */
  public static byte[] next(byte[] key, byte[] previousHash) {
    if (previousHash.length != HASH_BYTES) {
      throw new IllegalArgumentException("a member hash is 32 bytes");
    }
    return hmac(key, previousHash);
  }

  /** The hash under the last key of {@code keys} (keys.get(0) is version 1). */
  public static byte[] chain(List<byte[]> keys, String idNumber) {
    byte[] h = first(keys.get(0), idNumber);
    for (int i = 1; i < keys.size(); i++) {
      h = next(keys.get(i), h);
    }
    return h;
  }

  /** The first {@link #TAG_BITS} bits of a hash, as an int 0..16383. */
  public static int tag(byte[] hash) {
    return ((hash[0] & 0xFF) << 6) | ((hash[1] & 0xFF) >>> 2);
  }

  /** The tag of a hash given as 64 hex digits (the hub's stored form). */
  public static int tag(String hexHash) {
    return tag(HexFormat.of().parseHex(hexHash.substring(0, 4)));
  }

  public static String hex(byte[] hash) {
    return HexFormat.of().formatHex(hash);
  }

  public static byte[] fromHex(String hexHash) {
    if (hexHash == null || hexHash.length() != 2 * HASH_BYTES) {
      throw new IllegalArgumentException("a member hash is 64 hex digits");
    }
    return HexFormat.of().parseHex(hexHash);
  }

  private static boolean isTwelveDigits(String s) {
    if (s == null || s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      // A fresh Mac per call: hashers are shared between reader and web threads.
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
