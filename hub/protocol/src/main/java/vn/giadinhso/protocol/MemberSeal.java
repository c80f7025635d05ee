package vn.giadinhso.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A member hash sealed to the hub (docs/member-ids.md, "memberSealed"): only the holder of the
 * hub's X25519 private key can read it, so a kiosk's outbox holds nothing its own keys can test
 * against a guessed ID number. Format, all in one base64 string (standard alphabet, padded):
 *
 * <pre>
 * 0x01 | ephemeral X25519 public key (32) | AES-256-GCM ciphertext of (key version u32 BE | hash 32) (36) | GCM tag (16)
 * key ‖ nonce = HKDF-SHA256(salt = ephemeral public ‖ hub public, ikm = X25519(ephemeral, hub),
 *                           info = "giadinhso/member-sealed/v1", 44 bytes)
 * AAD = the format byte 0x01
 * </pre>
 *
 * A fresh ephemeral key per seal makes the derived nonce unique without storing one.
 */
public final class MemberSeal {
  public static final int FORMAT = 1;
  public static final int SEALED_BYTES = 1 + 32 + 4 + MemberIdHash.HASH_BYTES + 16;
  static final byte[] INFO = "giadinhso/member-sealed/v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] X509_PREFIX = hexBytes("302a300506032b656e032100");
  private static final byte[] PKCS8_PREFIX = hexBytes("302e020100300506032b656e04220420");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** What a sealed box held. */
  public record Opened(int keyVersion, byte[] hash) {}

  private MemberSeal() {}

  /** The hub's sealing key as kiosks receive it ({@code hubSealingKey}: base64 of X.509). */
  public static PublicKey publicKey(String base64X509) {
    try {
      return KeyFactory.getInstance("X25519").generatePublic(
          new X509EncodedKeySpec(Base64.getDecoder().decode(base64X509.strip())));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an X25519 public key in base64 X.509 form", e);
    }
  }

  public static KeyPair generateKeyPair() {
    try {
      return java.security.KeyPairGenerator.getInstance("X25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 is part of every JDK since 11", e);
    }
  }

  /** Seals with a fresh ephemeral key. */
  public static String seal(PublicKey hub, int keyVersion, byte[] hash) {
    byte[] ephemeral = new byte[32];
    RANDOM.nextBytes(ephemeral);
    return seal(hub, ephemeral, keyVersion, hash);
  }

  /**
   * Seals with the given ephemeral private key (32 raw bytes, RFC 7748). Only for known-answer
   * vectors: reusing an ephemeral key would reuse a nonce.
   */
  public static String seal(PublicKey hub, byte[] ephemeralPrivate, int keyVersion, byte[] hash) {
    if (hash.length != MemberIdHash.HASH_BYTES || keyVersion < 1) {
      throw new IllegalArgumentException("seal a 32-byte hash with a key version ≥ 1");
    }
    try {
      PrivateKey eph = privateKey(ephemeralPrivate);
      byte[] ephPublic = x25519(eph, publicFromRaw(basePoint()));
      byte[] hubRaw = raw(hub);
      byte[] okm = hkdf(concat(ephPublic, hubRaw), x25519(eph, hub), 44);
      Cipher aes = gcm(Cipher.ENCRYPT_MODE, okm);
      byte[] sealedBody = aes.doFinal(ByteBuffer.allocate(4 + hash.length).putInt(keyVersion).put(hash).array());
      byte[] out = ByteBuffer.allocate(SEALED_BYTES).put((byte) FORMAT).put(ephPublic).put(sealedBody).array();
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("X25519 and AES-GCM are part of every JDK", e);
    }
  }

  /** @throws IllegalArgumentException for anything that is not a box sealed to this key pair */
  public static Opened open(KeyPair hub, String sealed) {
    byte[] box;
    try {
      box = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("memberSealed is not base64");
    }
    if (box.length != SEALED_BYTES || box[0] != FORMAT) {
      throw new IllegalArgumentException("memberSealed must be " + SEALED_BYTES + " bytes starting with format 1");
    }
    byte[] ephPublic = Arrays.copyOfRange(box, 1, 33);
    try {
      byte[] okm = hkdf(concat(ephPublic, raw(hub.getPublic())), x25519(hub.getPrivate(), publicFromRaw(ephPublic)), 44);
      byte[] plain = gcm(Cipher.DECRYPT_MODE, okm).doFinal(box, 33, box.length - 33);
      ByteBuffer b = ByteBuffer.wrap(plain);
      int version = b.getInt();
      byte[] hash = new byte[MemberIdHash.HASH_BYTES];
      b.get(hash);
      if (version < 1) {
        throw new IllegalArgumentException("memberSealed holds key version " + version);
      }
      return new Opened(version, hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("memberSealed was not sealed to this hub's key (or was altered)");
    }
  }

  /** 32 raw bytes of an X25519 public key (the u-coordinate, little-endian). */
  public static byte[] raw(PublicKey key) {
    byte[] enc = key.getEncoded();
    return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
  }

  public static PublicKey publicFromRaw(byte[] raw) throws GeneralSecurityException {
    return KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
  }

  public static PrivateKey privateKey(byte[] raw) throws GeneralSecurityException {
    return KeyFactory.getInstance("X25519").generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, raw)));
  }

  private static byte[] basePoint() {
    byte[] u = new byte[32];
    u[0] = 9;
    return u;
  }

  private static byte[] x25519(PrivateKey priv, PublicKey pub) throws GeneralSecurityException {
    KeyAgreement ka = KeyAgreement.getInstance("X25519");
    ka.init(priv);
    ka.doPhase(pub, true);
    return ka.generateSecret();
  }

  private static Cipher gcm(int mode, byte[] okm) throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, new SecretKeySpec(okm, 0, 32, "AES"), new GCMParameterSpec(128, okm, 32, 12));
    aes.updateAAD(new byte[] {FORMAT});
    return aes;
  }

  /** RFC 5869 HKDF-SHA256 (not in the JDK before 24). */
  static byte[] hkdf(byte[] salt, byte[] ikm, int length) {
    byte[] prk = MemberIdHash.hmac(salt, ikm);
    byte[] out = new byte[length];
    byte[] t = new byte[0];
    int done = 0;
    for (int i = 1; done < length; i++) {
      t = MemberIdHash.hmac(prk, concat(concat(t, INFO), new byte[] {(byte) i}));
      int n = Math.min(t.length, length - done);
      System.arraycopy(t, 0, out, done, n);
      done += n;
    }
    return out;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] hexBytes(String hex) {
    return java.util.HexFormat.of().parseHex(hex);
  }
}
