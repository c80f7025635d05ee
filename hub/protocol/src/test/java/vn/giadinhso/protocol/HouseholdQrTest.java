package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HouseholdQrTest {
  static final LocalDate ISSUED = LocalDate.of(2026, 11, 21);
  static final HouseholdQr.Card CARD = new HouseholdQr.Card("2", "an-tuong", "AT-T1-0042", ISSUED, 3);
  static KeyPair first;
  static KeyPair second;
  static KeyPair stranger;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
    first = ed.generateKeyPair();
    second = ed.generateKeyPair();
    stranger = ed.generateKeyPair();
  }

  /** Key 1 retired on 30 June 2027, key 2 current. */
  static List<HouseholdQr.HubKey> rotated() {
    return List.of(new HouseholdQr.HubKey("1", first.getPublic(), LocalDate.of(2027, 6, 30)),
        new HouseholdQr.HubKey("2", second.getPublic(), null));
  }

  @Test
  void aVersionTwoCardCarriesKeyIdAndSerialAndFitsASmallQr() {
    String payload = HouseholdQr.sign(CARD, second.getPrivate());
    assertTrue(payload.startsWith("GDS2|2|an-tuong|AT-T1-0042|20261121|3|"), payload);
    assertTrue(payload.length() < 140, "fits a small QR: " + payload.length());
    HouseholdQr.Reading r = HouseholdQr.read(payload, rotated(), ISSUED);
    assertEquals(List.of(), r.errors());
    assertEquals(CARD, r.card());
  }

  @Test
  void aCardNamingKeyOneIsCheckedWithKeyOneNotTheCurrentKey() {
    String signedByFirst = HouseholdQr.sign(new HouseholdQr.Card("1", "an-tuong", "AT-T1-0042", ISSUED, 1),
        first.getPrivate());
    assertTrue(HouseholdQr.read(signedByFirst, rotated(), ISSUED).valid());
    // The same card claiming key 2 does not verify: the id picks the key.
    String claimsTwo = signedByFirst.replace("GDS2|1|", "GDS2|2|");
    assertTrue(HouseholdQr.read(claimsTwo, rotated(), ISSUED).errors().get(0).contains("does not verify"));
  }

  @Test
  void aVersionOneCardIsKeyOneSerialZeroAndExpiresWithKeyOne() {
    String v1 = Vectors.signV1("an-tuong", "AT-T1-0042", "20261121", first);
    HouseholdQr.Reading before = HouseholdQr.read(v1, rotated(), LocalDate.of(2027, 6, 30));
    assertEquals(List.of(), before.errors());
    assertEquals(new HouseholdQr.Card("1", "an-tuong", "AT-T1-0042", ISSUED, 0), before.card());
    HouseholdQr.Reading after = HouseholdQr.read(v1, rotated(), LocalDate.of(2027, 7, 1));
    assertTrue(after.expired());
    assertTrue(after.errors().get(0).contains("card expired"), after.errors().toString());
    assertTrue(after.errors().get(0).contains("thẻ đã hết hạn — xin cấp thẻ mới"), after.errors().toString());
  }

  @Test
  void aCardOfAnUnknownKeyOrWithoutKeysIsNotValid() {
    String payload = HouseholdQr.sign(new HouseholdQr.Card("3", "an-tuong", "AT-T1-0042", ISSUED, 1),
        stranger.getPrivate());
    assertTrue(HouseholdQr.read(payload, rotated(), ISSUED).errors().get(0).contains("does not know"));
    assertTrue(HouseholdQr.read(payload, List.of(), ISSUED).errors().get(0).contains("unverifiable"));
  }

  @Test
  void anAlteredCardDoesNotVerify() {
    String payload = HouseholdQr.sign(CARD, second.getPrivate());
    for (String altered : List.of(payload.replace("AT-T1-0042", "AT-T1-0043"), payload.replace("|3|", "|4|"),
        payload.replace("20261121", "20261122"), payload.replace("an-tuong", "kon-chieng"))) {
      assertFalse(HouseholdQr.read(altered, rotated(), ISSUED).valid(), altered);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "GDS2|2|an-tuong|AT-T1-0042|20261121|3", "GDS2|2|an-tuong|AT-T1-0042|20261121|3|",
      "GDS2|02|an-tuong|AT-T1-0042|20261121|3|x", "GDS2|2|an-tuong|AT-T1-0042|20261121|0|x",
      "GDS2|2|an-tuong|AT-T1-0042|20261131|3|x", "GDS3|2|an-tuong|AT-T1-0042|20261121|3|x", "hello",
      "GDS2|2|An Tường|AT-T1-0042|20261121|3|x", "GDS2|2|an-tuong|at-t1-0042|20261121|3|x",
      "GDS1|an-tuong|AT-T1-0042|20261121|3|x"})
  void malformedPayloadsAreRefusedWithAReason(String payload) {
    HouseholdQr.Reading r = HouseholdQr.read(payload, rotated(), ISSUED);
    assertFalse(r.valid());
    assertFalse(r.errors().get(0).isBlank());
  }

  @Test
  void signingRefusesFieldsOutsideTheAlphabet() {
    assertThrows(IllegalArgumentException.class, () -> HouseholdQr.sign(
        new HouseholdQr.Card("1", "An Tường", "AT-1", ISSUED, 1), first.getPrivate()));
    assertThrows(IllegalArgumentException.class, () -> HouseholdQr.sign(
        new HouseholdQr.Card("1", "an-tuong", "AT-1", ISSUED, 0), first.getPrivate()));
  }
}
