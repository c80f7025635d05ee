package vn.giadinhso.hub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;

/**
 * The hub's two secrets, kept in a file beside the database and never inside it: the master key
 * for member-ID hashes and the Ed25519 key that signs household QR cards. A stolen database backup
 * without this file yields neither ID numbers nor the power to mint cards.
 */
public final class HubSecrets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] hashMasterKey;
  private final SigningKeys signingKeys;

  HubSecrets(byte[] hashMasterKey, SigningKeys signingKeys) {
    this.hashMasterKey = hashMasterKey.clone();
    this.signingKeys = signingKeys;
  }

  /** The secrets file that belongs to a database file: {@code hub.db} → {@code hub.db.secrets.json}. */
  public static Path fileFor(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".secrets.json");
  }

  /** Reads the secrets file, creating it with fresh keys (readable by the owner only) at first start. */
  public static HubSecrets loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      HubSecrets fresh = generate();
      write(fresh, file);
      return fresh;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("cannot use the hub secrets file " + file + ": " + e.getMessage(), e);
    }
  }

  static HubSecrets generate() throws GeneralSecurityException {
    byte[] master = new byte[32];
    new SecureRandom().nextBytes(master);
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    return new HubSecrets(master, SigningKeys.first(keys));
  }

  private static HubSecrets read(Path file) throws IOException, GeneralSecurityException {
    var node = JSON.readTree(file.toFile());
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] master = b64.decode(node.required("memberHashMasterKey").asText());
    // A file written before key rotation has only signingPublicKey/signingPrivateKey: that key is key 1.
    SigningKeys signing = node.has("signingKeys") ? SigningKeys.fromJson(node.get("signingKeys"))
        : SigningKeys.first(SigningKeys.pair(node.required("signingPublicKey").asText(),
            node.required("signingPrivateKey").asText()));
    return new HubSecrets(master, signing);
  }

  private static void write(HubSecrets secrets, Path file) throws IOException {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode node = JSON.createObjectNode();
    node.put("comment", "Gia Đình Số hub secrets. Keep apart from database backups; losing it invalidates every household QR card and member hash.");
    node.put("memberHashMasterKey", b64.encodeToString(secrets.hashMasterKey));
    // The first key also under its old field names, so a hub of before key rotation still reads the file.
    KeyPair first = secrets.signingKeys.firstKey().pair();
    node.put("signingPublicKey", b64.encodeToString(first.getPublic().getEncoded()));
    node.put("signingPrivateKey", b64.encodeToString(first.getPrivate().getEncoded()));
    node.set("signingKeys", secrets.signingKeys.toJson());
    writeNode(node, file);
  }

  private static void writeNode(ObjectNode node, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, ".secrets", ".tmp");
    try {
      restrictToOwner(temp);
      JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), node);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the folder's ACL; docs/deployment.md says to restrict the folder.
    }
  }

  public MemberIdHasher memberIdHasher() {
    return new MemberIdHasher(hashMasterKey);
  }

  /** The current signing key pair: the one new cards are signed with. */
  public KeyPair signingKeys() {
    return signingKeys.current().pair();
  }

  /** Every signing key, oldest first, with the ids and dates kiosks verify by. */
  public SigningKeys signing() {
    return signingKeys;
  }

  /** The current public key as kiosks receive it: base64 of its X.509 encoding, one line. */
  public String publicKeyText() {
    return signingKeys.current().publicKeyText();
  }

  /**
   * Replaces the signing keys in the secrets file with {@code keys.rotate(oldValidUntil)}, keeping
   * every other field of the file as it is. A running hub reads the file at start only.
   */
  public static SigningKeys rotateSigningKey(Path file, LocalDate oldValidUntil) {
    try {
      ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
      SigningKeys rotated = read(file).signingKeys.rotate(oldValidUntil);
      node.set("signingKeys", rotated.toJson());
      writeNode(node, file);
      return rotated;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalStateException("cannot rotate the signing key in " + file + ": " + e.getMessage(), e);
    }
  }
}
