package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class CitizenIdNumberTest {
  static final Path VECTORS = Path.of("../../docs/vectors/id-numbers.tsv");

  /** Every row of docs/vectors/id-numbers.tsv: valid rows pass, invalid ones fail for the stated reason. */
  @TestFactory
  Stream<DynamicTest> knownAnswerVectors() throws IOException {
    List<String> rows = Files.readAllLines(VECTORS, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.startsWith("#") && !l.startsWith("id\t") && !l.isBlank())
        .toList();
    assertTrue(rows.size() >= 15, "the vector file has its rows");
    return rows.stream().map(row -> DynamicTest.dynamicTest(row, () -> {
      String[] f = row.split("\t", -1);
      LocalDate dob = f[1].equals("-") ? null : LocalDate.parse(f[1]);
      Boolean female = f[2].equals("-") ? null : f[2].equals("F");
      List<String> problems = CitizenIdNumber.problems(f[0], dob, female);
      if (f[3].equals("valid")) {
        assertEquals(List.of(), problems);
      } else {
        String expected = f[4].substring(f[4].indexOf('[') + 1, f[4].indexOf(']'));
        assertFalse(problems.isEmpty(), "refused");
        assertTrue(problems.get(0).contains(expected), problems + " should say " + expected);
        problems.forEach(p -> assertFalse(p.contains(f[0]), "a reason never repeats the number: " + p));
      }
    }));
  }

  @Test
  void theProvinceListIsTheCircularsSixtyThreeCodes() {
    assertEquals(63, CitizenIdNumber.PROVINCE_CODES.size());
    assertTrue(CitizenIdNumber.PROVINCE_CODES.contains("001"));
    assertTrue(CitizenIdNumber.PROVINCE_CODES.contains("096"));
    assertFalse(CitizenIdNumber.PROVINCE_CODES.contains("003"));
  }

  @Test
  void maskedShowsOnlyTheLastTwoDigits() {
    assertEquals("**********45", CitizenIdNumber.masked("001099012345"));
    assertThrows(IllegalArgumentException.class, () -> CitizenIdNumber.masked("12345"));
  }

  @Test
  void looksLikeOneIsTwelveAsciiDigitsWhateverTheProvince() {
    assertTrue(CitizenIdNumber.looksLikeOne("999190012349"));
    assertFalse(CitizenIdNumber.looksLikeOne("99919001234"));
    assertFalse(CitizenIdNumber.looksLikeOne(null));
  }
}
