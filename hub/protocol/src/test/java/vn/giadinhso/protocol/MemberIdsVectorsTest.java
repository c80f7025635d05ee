package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java code against docs/vectors/member-ids.json, which docs/vectors/member-ids.py computes
 * with Python's stdlib and the cryptography package (an implementation that shares no code).
 */
class MemberIdsVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private final JsonNode vectors = read();

  private static JsonNode read() {
    try {
      return new ObjectMapper().readTree(Path.of("../../docs/vectors/member-ids.json").toFile());
    } catch (java.io.IOException e) {
      throw new IllegalStateException("docs/vectors/member-ids.json is missing: " + e.getMessage(), e);
    }
  }

  private byte[] key(int version) {
    return HEX.parseHex(vectors.get("keys").get(Integer.toString(version)).asText());
  }

  @Test
  void versionOneKeyIsDerivedFromTheMasterKeyAndTheCommune() {
    assertArrayEquals(key(1), MemberIdHash.communeKeyV1(HEX.parseHex(vectors.get("masterKey").asText()),
        vectors.get("communeId").asText()));
  }

  @Test
  void hashChainAndTagsMatchTheIndependentImplementation() {
    MemberKeyChain chain = new MemberKeyChain(List.of(key(1), key(2), key(3)));
    for (JsonNode c : vectors.get("chains")) {
      String id = c.get("idNumber").asText();
      byte[][] hashes = chain.hashes(id);
      for (int v = 1; v <= 3; v++) {
        assertEquals(c.get("h" + v).asText(), MemberIdHash.hex(hashes[v - 1]), "h" + v);
        assertEquals(c.get("tag" + v).asInt(), MemberIdHash.tag(hashes[v - 1]), "tag" + v);
        assertEquals(c.get("tag" + v).asInt(), MemberIdHash.tag(c.get("h" + v).asText()));
      }
      assertEquals(c.get("h3").asText(), MemberIdHash.hex(chain.forward(1, HEX.parseHex(c.get("h1").asText()))));
      assertEquals(c.get("h2").asText(), MemberIdHash.hex(MemberIdHash.chain(List.of(key(1), key(2)), id)));
    }
  }

  @Test
  void tagIsTheFirstFourteenBits() {
    for (JsonNode t : vectors.get("tags")) {
      assertEquals(t.get("tag").asInt(), MemberIdHash.tag(HEX.parseHex(t.get("hash").asText())), t.get("hash").asText());
    }
  }

  @Test
  void namesAreMaskedAndFoldedAsDocumented() {
    for (JsonNode n : vectors.get("names")) {
      String full = n.get("fullName").asText();
      assertEquals(n.get("masked").asText(), MemberNames.mask(full), full);
      assertEquals(n.get("folded").asText(), MemberNames.fold(MemberNames.mask(full)), full);
      assertEquals(n.get("folded").asText(), MemberNames.cardKey(full), full);
    }
  }

  @Test
  void sealedBoxMatchesByteForByteAndOpens() throws Exception {
    JsonNode s = vectors.get("sealed");
    byte[] hubPrivate = HEX.parseHex(s.get("hubPrivateRaw").asText());
    byte[] hubPublic = HEX.parseHex(s.get("hubPublicRaw").asText());
    KeyPair hub = new KeyPair(MemberSeal.publicFromRaw(hubPublic), MemberSeal.privateKey(hubPrivate));
    byte[] hash = HEX.parseHex(s.get("hash").asText());
    String sealed = MemberSeal.seal(hub.getPublic(), HEX.parseHex(s.get("ephemeralPrivateRaw").asText()),
        s.get("keyVersion").asInt(), hash);
    assertEquals(s.get("sealed").asText(), sealed);
    MemberSeal.Opened opened = MemberSeal.open(hub, s.get("sealed").asText());
    assertEquals(s.get("keyVersion").asInt(), opened.keyVersion());
    assertArrayEquals(hash, opened.hash());
  }

  @Test
  void aBoxForAnotherHubOrAlteredIsRefused() {
    KeyPair hub = MemberSeal.generateKeyPair();
    byte[] hash = HEX.parseHex(vectors.get("chains").get(0).get("h1").asText());
    String sealed = MemberSeal.seal(hub.getPublic(), 1, hash);
    assertEquals(MemberSeal.SEALED_BYTES, java.util.Base64.getDecoder().decode(sealed).length);
    assertArrayEquals(hash, MemberSeal.open(hub, sealed).hash());
    assertThrows(IllegalArgumentException.class, () -> MemberSeal.open(MemberSeal.generateKeyPair(), sealed));
    byte[] altered = java.util.Base64.getDecoder().decode(sealed);
    altered[40] ^= 1;
    assertThrows(IllegalArgumentException.class,
        () -> MemberSeal.open(hub, java.util.Base64.getEncoder().encodeToString(altered)));
    assertThrows(IllegalArgumentException.class, () -> MemberSeal.open(hub, "not base64!"));
  }

  @Test
  void onlyTwelveAsciiDigitsAreHashed() {
    byte[] k = key(1);
    assertThrows(IllegalArgumentException.class, () -> MemberIdHash.first(k, "05219001234"));
    assertThrows(IllegalArgumentException.class, () -> MemberIdHash.first(k, "٠٥٢١٩٠٠١٢٣٤٥"));
  }
}
