package vn.giadinhso.hub.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import vn.giadinhso.protocol.HouseholdQr;

/**
 * The hub's household-QR signing keys, oldest first; the last one signs new cards. Each older key
 * carries the date until which cards it signed stay valid (docs/household-qr.md, key rotation).
 * Immutable: {@link #rotate} returns the new list for the caller to write.
 */
public final class SigningKeys {
  /** One key; {@code validUntil} is null for the current key. */
  public record SigningKey(String keyId, KeyPair pair, LocalDate validUntil) {
    /** Base64 of the X.509 public key, one line: the form kiosks receive. */
    public String publicKeyText() {
      return SigningKeys.publicKeyText(pair.getPublic());
    }
  }

  private final List<SigningKey> keys;

  private SigningKeys(List<SigningKey> keys) {
    if (keys.isEmpty() || keys.get(keys.size() - 1).validUntil() != null) {
      throw new IllegalArgumentException("the newest signing key must have no validUntil");
    }
    this.keys = List.copyOf(keys);
  }

  /** A hub's first key, and the reading of an old secrets file's single key: id {@value HouseholdQr#FIRST_KEY_ID}. */
  public static SigningKeys first(KeyPair pair) {
    return new SigningKeys(List.of(new SigningKey(HouseholdQr.FIRST_KEY_ID, pair, null)));
  }

  public SigningKey current() {
    return keys.get(keys.size() - 1);
  }

  /** The key GDS1 cards were signed with: what kiosks of before key ids get as {@code hubPublicKey}. */
  public SigningKey firstKey() {
    return keys.get(0);
  }

  public List<SigningKey> all() {
    return keys;
  }

  public Optional<SigningKey> byId(String keyId) {
    return keys.stream().filter(k -> k.keyId().equals(keyId)).findFirst();
  }

  /**
   * A new current key with the next id; every key without a date (the current one) keeps its cards
   * valid until {@code oldValidUntil}. Keys already dated keep their date.
   */
  public SigningKeys rotate(LocalDate oldValidUntil) throws GeneralSecurityException {
    List<SigningKey> next = new ArrayList<>();
    int highest = 0;
    for (SigningKey k : keys) {
      next.add(k.validUntil() == null ? new SigningKey(k.keyId(), k.pair(), oldValidUntil) : k);
      highest = Math.max(highest, Integer.parseInt(k.keyId()));
    }
    next.add(new SigningKey(Integer.toString(highest + 1),
        KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), null));
    return new SigningKeys(next);
  }

  /** What kiosks verify with: every key, public half only. */
  public List<HouseholdQr.HubKey> hubKeys() {
    return keys.stream().map(k -> new HouseholdQr.HubKey(k.keyId(), k.pair().getPublic(), k.validUntil())).toList();
  }

  static String publicKeyText(PublicKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  ArrayNode toJson() {
    Base64.Encoder b64 = Base64.getEncoder();
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (SigningKey k : keys) {
      ObjectNode node = array.addObject();
      node.put("keyId", k.keyId());
      node.put("publicKey", b64.encodeToString(k.pair().getPublic().getEncoded()));
      node.put("privateKey", b64.encodeToString(k.pair().getPrivate().getEncoded()));
      if (k.validUntil() != null) {
        node.put("validUntil", k.validUntil().toString());
      }
    }
    return array;
  }

  static SigningKeys fromJson(JsonNode array) throws GeneralSecurityException {
    List<SigningKey> keys = new ArrayList<>();
    for (JsonNode node : array) {
      String id = node.required("keyId").asText();
      if (!HouseholdQr.KEY_ID.matcher(id).matches()) {
        throw new IllegalArgumentException("signing key id \"" + id + "\" is not a number 1–9999");
      }
      JsonNode until = node.get("validUntil");
      keys.add(new SigningKey(id, pair(node.required("publicKey").asText(), node.required("privateKey").asText()),
          until == null || until.isNull() ? null : LocalDate.parse(until.asText())));
    }
    return new SigningKeys(keys);
  }

  static KeyPair pair(String publicKey, String privateKey) throws GeneralSecurityException {
    Base64.Decoder b64 = Base64.getDecoder();
    KeyFactory factory = KeyFactory.getInstance("Ed25519");
    return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(b64.decode(publicKey))),
        factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(privateKey))));
  }
}
