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
import java.util.Base64;

/**
 * The hub's two secrets, kept in a file beside the database and never inside it: the master key
 * for member-ID hashes and the Ed25519 key that signs household QR cards. A stolen database backup
 * without this file yields neither ID numbers nor the power to mint cards.
 */
public final class HubSecrets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] hashMasterKey;
  private final KeyPair signingKeys;

  HubSecrets(byte[] hashMasterKey, KeyPair signingKeys) {
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
    return new HubSecrets(master, keys);
  }

  private static HubSecrets read(Path file) throws IOException, GeneralSecurityException {
    var node = JSON.readTree(file.toFile());
    Base64.Decoder b64 = Base64.getDecoder();
    byte[] master = b64.decode(node.required("memberHashMasterKey").asText());
    KeyFactory factory = KeyFactory.getInstance("Ed25519");
    PublicKey pub =
        factory.generatePublic(new X509EncodedKeySpec(b64.decode(node.required("signingPublicKey").asText())));
    PrivateKey priv =
        factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(node.required("signingPrivateKey").asText())));
    return new HubSecrets(master, new KeyPair(pub, priv));
  }

  private static void write(HubSecrets secrets, Path file) throws IOException {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode node = JSON.createObjectNode();
    node.put("comment", "Gia Đình Số hub secrets. Keep apart from database backups; losing it invalidates every household QR card and member hash.");
    node.put("memberHashMasterKey", b64.encodeToString(secrets.hashMasterKey));
    node.put("signingPublicKey", b64.encodeToString(secrets.signingKeys.getPublic().getEncoded()));
    node.put("signingPrivateKey", b64.encodeToString(secrets.signingKeys.getPrivate().getEncoded()));
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

  public KeyPair signingKeys() {
    return signingKeys;
  }

  /** The public key as kiosks receive it: base64 of its X.509 encoding, one line. */
  public String publicKeyText() {
    return Base64.getEncoder().encodeToString(signingKeys.getPublic().getEncoded());
  }
}
