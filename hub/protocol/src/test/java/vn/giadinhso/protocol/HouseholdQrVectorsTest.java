package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/vectors/household-qr.tsv, written by an independent implementation (python3-cryptography,
 * docs/vectors/household_qr_vectors.py): Java must read each payload as stated and sign each valid
 * version 2 card to the very same payload.
 */
class HouseholdQrVectorsTest {
  static final Path DIR = Path.of("../../docs/vectors");
  static final List<HouseholdQr.HubKey> KEYS = new ArrayList<>();
  static final Map<String, PrivateKey> PRIVATE = new HashMap<>();

  static List<String[]> rows(String file) throws IOException {
    return Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).skip(1).map(l -> l.split("\t", -1)).toList();
  }

  @BeforeAll
  static void keys() throws IOException, GeneralSecurityException {
    KeyFactory ed = KeyFactory.getInstance("Ed25519");
    Base64.Decoder b64 = Base64.getDecoder();
    for (String[] k : rows("household-qr-keys.tsv")) {
      KEYS.add(new HouseholdQr.HubKey(k[0], ed.generatePublic(new X509EncodedKeySpec(b64.decode(k[2]))),
          k[1].equals("-") ? null : LocalDate.parse(k[1])));
      PRIVATE.put(k[0], ed.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(k[3]))));
    }
    assertEquals(2, KEYS.size());
  }

  @TestFactory
  Stream<DynamicTest> everyVectorReadsAsStated() throws IOException {
    List<String[]> rows = rows("household-qr.tsv");
    assertTrue(rows.size() >= 12);
    return rows.stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
      HouseholdQr.Reading reading = HouseholdQr.read(r[5], KEYS, LocalDate.parse(r[1]));
      switch (r[2]) {
        case "valid" -> assertEquals(List.of(), reading.errors());
        case "expired" -> {
          assertTrue(reading.expired());
          assertEquals(1, reading.errors().size());
        }
        default -> assertFalse(reading.valid() || reading.expired());
      }
      if (!r[3].equals("-")) {
        assertTrue(reading.errors().get(0).contains(r[3]), reading.errors() + " should say " + r[3]);
      }
      if (!r[4].equals("-")) {
        String[] c = r[4].split(" ");
        HouseholdQr.Card expected = new HouseholdQr.Card(c[0], c[1], c[2],
            LocalDate.parse(c[3], DateTimeFormatter.BASIC_ISO_DATE), Integer.parseInt(c[4]));
        assertEquals(expected, reading.card());
        if (r[5].startsWith("GDS2|")) {
          assertEquals(r[5], HouseholdQr.sign(expected, PRIVATE.get(expected.keyId())), "Java signs the same bytes");
        }
      }
    }));
  }
}
