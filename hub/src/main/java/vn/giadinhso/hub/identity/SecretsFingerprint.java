package vn.giadinhso.hub.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import vn.giadinhso.hub.storage.Database;

/**
 * Which secrets file a database belongs to. The database keeps a one-way fingerprint of the
 * secrets it was created with: SHA-256 over signing key 1's public key and a key derived from the
 * member-hash master key (itself hashed, so the row reveals nothing). Key 1 and the master key
 * never change (rotations add keys beside them), so the fingerprint holds for the deployment's life.
 *
 * <p>Why: with PostgreSQL the secrets file is named by {@code --secrets}; a wrong path would
 * otherwise start a hub that signs cards no kiosk accepts and hashes ID numbers that match nobody.
 */
public final class SecretsFingerprint {
  static final String SETTING = "secrets_fingerprint";
  /** A name no commune has: the derived key is used for nothing but this fingerprint. */
  private static final String DERIVATION = "\u0000secrets-fingerprint/v1";

  private SecretsFingerprint() {}

  /** The fingerprint of these secrets. */
  public static String of(HubSecrets secrets) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] derived = MessageDigest.getInstance("SHA-256").digest(secrets.memberKeys(DERIVATION, 1).key(1));
      sha.update("giadinhso-secrets/v1".getBytes(StandardCharsets.US_ASCII));
      sha.update(secrets.signing().firstKey().pair().getPublic().getEncoded());
      sha.update(derived);
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fingerprint the database recorded, if any (a database from before V31 until its first start). */
  public static Optional<String> recorded(Database db) {
    return db.reader().withHandle(h -> h.createQuery("SELECT value FROM hub_setting WHERE name = :name")
        .bind("name", SETTING).mapTo(String.class).findOne());
  }

  /**
   * Refuses before the secrets file is created when the database already belongs to other
   * secrets: a mistyped {@code --secrets} must not leave a stray key file behind.
   */
  public static void refuseMissingFile(Database db, Path secretsFile) {
    if (!java.nio.file.Files.exists(secretsFile) && recorded(db).isPresent()) {
      throw new WrongSecretsException("this database (" + db.location() + ") was created with other secrets: "
          + secretsFile + " does not exist; start with --secrets PATH of that hub's secrets file");
    }
  }

  /**
   * Records the fingerprint when the database has none (new, or older than V31), otherwise
   * refuses secrets that do not match, writing nothing.
   */
  public static void checkOrRecord(Database db, HubSecrets secrets, Path secretsFile) {
    String mine = of(secrets);
    Optional<String> recorded = recorded(db);
    if (recorded.isEmpty()) {
      // Two processes starting on a new database at once: the first row wins, the other compares.
      db.writer().useHandle(h -> h.createUpdate("INSERT INTO hub_setting (name, value) VALUES (:name, :value) "
          + "ON CONFLICT (name) DO NOTHING").bind("name", SETTING).bind("value", mine).execute());
      recorded = recorded(db);
    }
    if (!recorded.orElseThrow().equals(mine)) {
      throw new WrongSecretsException("this database (" + db.location() + ") was created with other secrets: "
          + secretsFile + " is not its secrets file; start with --secrets PATH of that hub's secrets file");
    }
  }

  /** The secrets file does not belong to the database. */
  public static final class WrongSecretsException extends IllegalStateException {
    public WrongSecretsException(String message) {
      super(message);
    }
  }
}
