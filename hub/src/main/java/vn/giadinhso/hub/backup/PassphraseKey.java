package vn.giadinhso.hub.backup;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key a backup is sealed with, derived from the operator's passphrase by Argon2id (password4j,
 * already the hub's password hasher). 64 bytes come out: the first 32 are the AES-256 key, the
 * last 32 are hashed into a verifier stored in the manifest, so a wrong passphrase is told apart
 * from a damaged file before any decryption starts (WinZip AES and others do the same).
 */
public final class PassphraseKey {
  /** Argon2id parameters, written into each manifest so later hubs can raise them and still read old files. */
  public record Params(int memoryKib, int iterations, int parallelism, String salt) {
    static Params fresh() {
      byte[] salt = new byte[16];
      new SecureRandom().nextBytes(salt);
      // 64 MiB, 3 passes: RFC 9106's second recommendation; about a second here, once per backup.
      return new Params(64 * 1024, 3, 1, Base64.getEncoder().encodeToString(salt));
    }
  }

  /** The shortest passphrase accepted: it guards every resident's data in the file. */
  public static final int MIN_LENGTH = 12;

  private final SecretKey key;
  private final String verifier;

  private PassphraseKey(SecretKey key, String verifier) {
    this.key = key;
    this.verifier = verifier;
  }

  public static PassphraseKey derive(String passphrase, Params params) {
    byte[] out = Argon2Function.getInstance(params.memoryKib(), params.iterations(), params.parallelism(), 64, Argon2.ID)
        .hash(passphrase, params.salt()).getBytes();
    try {
      SecretKey key = new SecretKeySpec(Arrays.copyOfRange(out, 0, 32), "AES");
      byte[] check = MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(out, 32, 64));
      return new PassphraseKey(key, Base64.getEncoder().encodeToString(check));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(out, (byte) 0);
    }
  }

  SecretKey key() {
    return key;
  }

  String verifier() {
    return verifier;
  }

  /** Constant-time comparison with a manifest's verifier. */
  boolean matches(String storedVerifier) {
    return MessageDigest.isEqual(verifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        storedVerifier.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
