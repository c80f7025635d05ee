package vn.giadinhso.hub.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.giadinhso.hub.storage.Database;
import vn.giadinhso.protocol.MemberIdHash;
import vn.giadinhso.protocol.MemberKeyChain;
import vn.giadinhso.protocol.MemberSeal;

/**
 * Member-ID hashing on the hub: which key version a commune is at (database), the keys
 * (secrets file), the hash the hub stores, and opening the sealed hashes kiosks send.
 */
public final class MemberKeys {
  private final Database db;
  private final HubSecrets secrets;

  public MemberKeys(Database db, HubSecrets secrets) {
    this.db = db;
    this.secrets = secrets;
  }

  public int currentVersion(String communeId) {
    return db.reader().withHandle(h -> currentVersion(h, communeId));
  }

  /** Inside the caller's transaction, so a rotation and what it re-keys agree. */
  public static int currentVersion(Handle h, String communeId) {
    return h.createQuery("SELECT version FROM member_key_version WHERE commune_id = :c")
        .bind("c", communeId).mapTo(Integer.class).findOne().orElse(1);
  }

  /** The commune's keys, versions 1..current. */
  public MemberKeyChain chain(String communeId) {
    return secrets.memberKeys(communeId, currentVersion(communeId));
  }

  /** The hash the hub stores for an ID number (hex, current version). */
  public String hash(String communeId, String idNumber) {
    return MemberIdHash.hex(chain(communeId).current(idNumber));
  }

  /** {@code memberKeys} as enrolment and sync send them: [{version, key}], oldest first. */
  public static List<Map<String, Object>> forKiosk(MemberKeyChain chain) {
    return chain.toBase64().entrySet().stream().map(e -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("version", e.getKey());
      entry.put("key", e.getValue());
      return entry;
    }).toList();
  }

  public String sealingKeyText() {
    return secrets.sealingKeyText();
  }

  /**
   * Opens a kiosk's {@code memberSealed} and brings the hash forward to the commune's current
   * version, as hex: what the event log stores as {@code memberHash}.
   *
   * @throws IllegalArgumentException if the box was not sealed to this hub or names an unknown version
   */
  public String unseal(MemberKeyChain chain, String sealed) {
    MemberSeal.Opened opened = MemberSeal.open(secrets.sealingKeys(), sealed);
    if (opened.keyVersion() > chain.currentVersion()) {
      throw new IllegalArgumentException("memberSealed names key version " + opened.keyVersion()
          + ", newer than this commune's " + chain.currentVersion());
    }
    return MemberIdHash.hex(chain.forward(opened.keyVersion(), opened.hash()));
  }

}
