package vn.giadinhso.hub.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HouseholdQrTest {
  static KeyPair hub;
  static KeyPair stranger;
  static final HouseholdQr.Card CARD = new HouseholdQr.Card("an-tuong", "AT-T1-0042", LocalDate.of(2026, 11, 21));

  @BeforeAll
  static void keys() throws Exception {
    hub = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
  }

  @Test
  void aSignedCardVerifiesWithTheHubKey() {
    String payload = HouseholdQr.sign(CARD, hub.getPrivate());
    assertTrue(payload.startsWith("GDS1|an-tuong|AT-T1-0042|20261121|"));
    assertTrue(payload.length() < 140, "fits a small QR: " + payload.length());
    assertEquals(CARD, HouseholdQr.verify(payload, hub.getPublic()).orElseThrow());
  }

  @Test
  void aCardSignedByAnotherKeyIsRejected() {
    String forged = HouseholdQr.sign(CARD, stranger.getPrivate());
    assertTrue(HouseholdQr.verify(forged, hub.getPublic()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AT-T1-0043", "AT-T1-004", "KC-T1-0042"})
  void changingTheHouseholdBreaksTheSignature(String otherCode) {
    String payload = HouseholdQr.sign(CARD, hub.getPrivate());
    String altered = payload.replace("AT-T1-0042", otherCode);
    assertTrue(HouseholdQr.verify(altered, hub.getPublic()).isEmpty());
  }

  @Test
  void changingTheCommuneOrDateBreaksTheSignature() {
    String payload = HouseholdQr.sign(CARD, hub.getPrivate());
    assertTrue(HouseholdQr.verify(payload.replace("an-tuong", "kon-chieng"), hub.getPublic()).isEmpty());
    assertTrue(HouseholdQr.verify(payload.replace("20261121", "20261122"), hub.getPublic()).isEmpty());
  }

  @Test
  void aFlippedSignatureCharacterIsRejected() {
    String payload = HouseholdQr.sign(CARD, hub.getPrivate());
    char last = payload.charAt(payload.length() - 5);
    String altered = payload.substring(0, payload.length() - 5) + (last == 'A' ? 'B' : 'A') + payload.substring(payload.length() - 4);
    assertTrue(HouseholdQr.verify(altered, hub.getPublic()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GDS1|an-tuong|AT-T1-0042|20261121", "GDS1|an-tuong|AT-T1-0042|20261121|",
      "GDS1|an-tuong|AT-T1-0042|20261121|!!!", "GDS2|an-tuong|AT-T1-0042|20261121|abc", "hello",
      "GDS1|An Tường|AT-T1-0042|20261121|abc", "GDS1|an-tuong|at-t1-0042|20261121|abc"})
  void unsignedOrMalformedPayloadsAreRejected(String payload) {
    assertTrue(HouseholdQr.verify(payload, hub.getPublic()).isEmpty());
  }
}
