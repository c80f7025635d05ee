package vn.giadinhso.hub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.household.HouseholdCards;
import vn.giadinhso.hub.identity.HubSecrets;
import vn.giadinhso.protocol.HouseholdQr;

/** rotate-signing-key and revoke-card, run as an operator would, on a demo database. */
class CardCommandsTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  private String db() {
    return dir.resolve("hub.db").toString();
  }

  @BeforeEach
  void demo() {
    assertEquals(0, Cli.run("demo-data", "--db", db()).exitCode());
  }

  private static PublicKey key(String text) throws Exception {
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
  }

  private String qr() {
    Cli qr = Cli.run("household-qr", "--db", db(), "--household", "AT-T1-0001");
    assertEquals(0, qr.exitCode(), qr.err());
    return qr.out().strip();
  }

  @Test
  void anOldSecretsFileIsKeyOneAndRotationKeepsKeyOnesCardsValidUntilTheDate() throws Exception {
    // A secrets file written before key ids: only signingPublicKey/signingPrivateKey.
    Path secrets = HubSecrets.fileFor(dir.resolve("hub.db"));
    ObjectNode file = (ObjectNode) json.readTree(secrets.toFile());
    file.remove("signingKeys");
    json.writeValue(secrets.toFile(), file);
    PublicKey first = key(file.get("signingPublicKey").asText());

    String before = qr();
    assertTrue(before.startsWith("GDS2|1|an-tuong|AT-T1-0001|"), before);
    assertTrue(HouseholdQr.read(before, List.of(new HouseholdQr.HubKey("1", first, null)), LocalDate.now()).valid());

    Cli rotate = Cli.run("rotate-signing-key", "--db", db(), "--old-valid-until", "2027-06-30");
    assertEquals(0, rotate.exitCode(), rotate.err());
    assertTrue(rotate.out().contains("signing key 2 is now current"), rotate.out());
    assertEquals(file.get("signingPublicKey").asText(), json.readTree(secrets.toFile()).get("signingPublicKey").asText(),
        "the old fields keep the first key, for a hub of before key rotation");

    String after = qr();
    assertTrue(after.startsWith("GDS2|2|an-tuong|AT-T1-0001|"), after);
    PublicKey second = key(Cli.run("public-key", "--db", db()).out().strip());
    assertTrue(HouseholdQr.verify(after, second).isPresent());
    assertFalse(HouseholdQr.verify(after, first).isPresent());

    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      List<HouseholdCards.PublicKeyEntry> keys = hub.cards.publicKeys();
      assertEquals(List.of("1", "2"), keys.stream().map(HouseholdCards.PublicKeyEntry::keyId).toList());
      assertEquals("2027-06-30", keys.get(0).validUntil());
      assertEquals(null, keys.get(1).validUntil());
      List<HouseholdQr.HubKey> kioskKeys = hub.secrets.signing().hubKeys();
      assertTrue(HouseholdQr.read(before, kioskKeys, LocalDate.of(2027, 6, 30)).valid(), "valid on the last day");
      HouseholdQr.Reading late = HouseholdQr.read(before, kioskKeys, LocalDate.of(2027, 7, 1));
      assertTrue(late.expired(), late.errors().toString());
      assertTrue(HouseholdQr.read(after, kioskKeys, LocalDate.of(2030, 1, 1)).valid(), "the current key does not expire");
    }

    Cli third = Cli.run("rotate-signing-key", "--db", db(), "--old-valid-until", "2027-12-31");
    assertEquals(0, third.exitCode(), third.err());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      assertEquals(List.of("2027-06-30", "2027-12-31"), hub.cards.publicKeys().stream().limit(2)
          .map(HouseholdCards.PublicKeyEntry::validUntil).toList(), "a key already dated keeps its date");
    }
    Cli bad = Cli.run("rotate-signing-key", "--db", db(), "--old-valid-until", "30/06/2027");
    assertEquals(2, bad.exitCode());
  }

  @Test
  void revokeCardMovesTheHouseholdToTheNextSerialAndIsAudited() throws Exception {
    assertTrue(qr().contains("|1|"), "a first card is serial 1");
    Cli revoke = Cli.run("revoke-card", "--db", db(), "--household", "AT-T1-0001");
    assertEquals(0, revoke.exitCode(), revoke.err());
    assertTrue(revoke.out().contains("revoked the cards of AT-T1-0001 (serials up to 1)"), revoke.out());
    String reprint = qr();
    HouseholdQr.Card card = HouseholdQr.verify(reprint, key(Cli.run("public-key", "--db", db()).out().strip()))
        .orElseThrow();
    assertEquals(2, card.serial());
    try (HubApp hub = vn.giadinhso.hub.TestDatabase.open(dir.resolve("hub.db"), Clock.systemUTC())) {
      assertEquals(1, hub.cards.revokedThrough("AT-T1-0001").orElseThrow());
      assertEquals("card.revoked", hub.audit.recent("an-tuong", 1).get(0).action());
    }
    Cli unknown = Cli.run("revoke-card", "--db", db(), "--household", "XX-0000");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("no household with code XX-0000"), unknown.err());
  }
}
