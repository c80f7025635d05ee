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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;
import vn.giadinhso.protocol.MemberSeal;

/**
 * The hub's secrets, kept in a file beside the database and never inside it: the master key for
 * member-ID hashes (version 1 of every commune's key is derived from it), the random keys of later
 * versions made by {@code rotate-hash-key}, the X25519 key pair kiosks seal member hashes to, and
 * the Ed25519 keys that sign household QR cards ({@link SigningKeys}, rotated by
 * {@code rotate-signing-key}). A stolen database backup without this file yields
 * neither ID numbers nor the power to mint cards.
 */
public final class HubSecrets {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] hashMasterKey;
  private final SigningKeys signingKeys;
  private final KeyPair sealingKeys;
  // communeId → keys of versions 2, 3, … in order (version 1 is derived, never stored).
  private final Map<String, List<byte[]>> laterMemberKeys;
  private final Path file;

  HubSecrets(byte[] hashMasterKey, SigningKeys signingKeys) {
    this(hashMasterKey, signingKeys, MemberSeal.generateKeyPair(), new LinkedHashMap<>(), null);
  }

  private HubSecrets(byte[] hashMasterKey, SigningKeys signingKeys, KeyPair sealingKeys,
      Map<String, List<byte[]>> laterMemberKeys, Path file) {
    this.hashMasterKey = hashMasterKey.clone();
    this.signingKeys = signingKeys;
    this.sealingKeys = sealingKeys;
    this.laterMemberKeys = laterMemberKeys;
    this.file = file;
  }

  /** The secrets file that belongs to a database file: {@code hub.db} → {@code hub.db.secrets.json}. */
  public static Path fileFor(Path databaseFile) {
    return databaseFile.resolveSibling(databaseFile.getFileName() + ".secrets.json");
  }

  /** Reads the secrets file, creating it with fresh keys (readable by the owner only) at first start. */
  public static HubSecrets loadOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        HubSecrets existing = read(file);
        if (existing.sealingKeys == null) {
          // A secrets file from before sealed member hashes: add the sealing key pair once.
          existing = new HubSecrets(existing.hashMasterKey, existing.signingKeys, MemberSeal.generateKeyPair(),
              existing.laterMemberKeys, file);
          write(existing, file);
        }
        return existing;
      }
      HubSecrets fresh = generate();
      fresh = new HubSecrets(fresh.hashMasterKey, fresh.signingKeys, fresh.sealingKeys, fresh.laterMemberKeys, file);
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
    KeyPair sealing = null;
    if (node.hasNonNull("sealingPrivateKey")) {
      KeyFactory x25519 = KeyFactory.getInstance("X25519");
      sealing = new KeyPair(
          x25519.generatePublic(new X509EncodedKeySpec(b64.decode(node.required("sealingPublicKey").asText()))),
          x25519.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(node.required("sealingPrivateKey").asText()))));
    }
    Map<String, List<byte[]>> later = new LinkedHashMap<>();
    node.path("memberHashKeys").fields().forEachRemaining(commune -> {
      List<byte[]> keys = new ArrayList<>();
      for (int v = 2; commune.getValue().hasNonNull(Integer.toString(v)); v++) {
        keys.add(b64.decode(commune.getValue().get(Integer.toString(v)).asText()));
      }
      later.put(commune.getKey(), keys);
    });
    return new HubSecrets(master, signing, sealing, later, file);
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
    node.put("sealingPublicKey", b64.encodeToString(secrets.sealingKeys.getPublic().getEncoded()));
    node.put("sealingPrivateKey", b64.encodeToString(secrets.sealingKeys.getPrivate().getEncoded()));
    node.set("memberHashKeys", memberKeysNode(secrets.laterMemberKeys));
    writeNode(node, file);
  }

  private static ObjectNode memberKeysNode(Map<String, List<byte[]>> laterMemberKeys) {
    Base64.Encoder b64 = Base64.getEncoder();
    ObjectNode memberKeys = JSON.createObjectNode();
    laterMemberKeys.forEach((commune, keys) -> {
      ObjectNode versions = memberKeys.putObject(commune);
      for (int i = 0; i < keys.size(); i++) {
        versions.put(Integer.toString(i + 2), b64.encodeToString(keys.get(i)));
      }
    });
    return memberKeys;
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

  /**
   * A commune's member-hashing keys, versions 1..{@code version}.
   *
   * @throws IllegalStateException if this file lacks a version (a secrets file older than the database)
   */
  public synchronized MemberKeyChain memberKeys(String communeId, int version) {
    List<byte[]> keys = new ArrayList<>();
    keys.add(MemberIdHash.communeKeyV1(hashMasterKey, communeId));
    List<byte[]> later = laterMemberKeys.getOrDefault(communeId, List.of());
    if (version - 1 > later.size() && file != null) {
      // rotate-hash-key ran in another process (the command line beside a running `serve`): the
      // database already names a version this copy has not read yet.
      reloadMemberKeys();
      later = laterMemberKeys.getOrDefault(communeId, List.of());
    }
    if (version - 1 > later.size()) {
      throw new IllegalStateException("the secrets file has no member-hashing key version " + version + " for commune "
          + communeId + "; restore the secrets file that belongs to this database");
    }
    keys.addAll(later.subList(0, version - 1));
    return new MemberKeyChain(keys);
  }

  /**
   * Makes sure a random key for {@code version} (≥ 2) exists, saving the file before returning so
   * the database is never re-keyed under a key that could be lost. Idempotent: a rotation that
   * failed after this step reuses the same key.
   */
  public synchronized void ensureMemberKey(String communeId, int version) {
    List<byte[]> later = laterMemberKeys.computeIfAbsent(communeId, c -> new ArrayList<>());
    if (version - 1 <= later.size()) {
      return;
    }
    if (version - 2 != later.size()) {
      throw new IllegalStateException("member key versions must be added in order");
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    later.add(key);
    if (file != null) {
      try {
        // Only the member keys change: every other field stays as the file has it now (a signing
        // key rotated by another process since this one started is kept).
        ObjectNode node = (ObjectNode) JSON.readTree(file.toFile());
        node.set("memberHashKeys", memberKeysNode(laterMemberKeys));
        writeNode(node, file);
      } catch (IOException | RuntimeException e) {
        later.remove(later.size() - 1);
        throw new IllegalStateException("cannot save the new member-hashing key to " + file + ": " + e.getMessage(), e);
      }
    }
  }

  private void reloadMemberKeys() {
    try {
      HubSecrets current = read(file);
      laterMemberKeys.clear();
      current.laterMemberKeys.forEach((commune, keys) -> laterMemberKeys.put(commune, new ArrayList<>(keys)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot re-read the hub secrets file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The X25519 key pair kiosks seal member hashes to (docs/member-ids.md). */
  public KeyPair sealingKeys() {
    return sealingKeys;
  }

  /** The sealing public key as kiosks receive it ({@code hubSealingKey}): base64 of X.509. */
  public String sealingKeyText() {
    return Base64.getEncoder().encodeToString(sealingKeys.getPublic().getEncoded());
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
