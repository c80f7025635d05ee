package vn.giadinhso.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The names both sides share agree with what docs/protocol-events.md tells a kiosk developer. */
class SharedNamesTest {
  static final String DOC = read();

  static String read() {
    try {
      return Files.readString(Path.of("../../docs/protocol-events.md"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void everyEventTypeIsInTheDocumentedTableWithItsConstant() {
    Matcher m = Pattern.compile("\\| `([a-z._]+)` \\| `EventTypes\\.([A-Z_]+)` \\|").matcher(DOC);
    Set<String> documented = new TreeSet<>();
    while (m.find()) {
      documented.add(m.group(1));
      assertEquals(m.group(1), constant(m.group(2)), m.group(2));
    }
    assertEquals(new TreeSet<>(EventTypes.KNOWN), documented);
  }

  @Test
  void scanMethodsAndStatusesAreTheDocumentedWireValues() {
    String methods = Arrays.stream(ScanMethod.values()).map(s -> "`" + s.wireName() + "`").collect(Collectors.joining(", "));
    assertEquals(true, DOC.contains("`identified.method`: " + methods), methods);
    List<String> statuses = Arrays.stream(CriterionStatus.values()).map(Enum::name).toList();
    assertEquals(List.of("MET", "PRACTISED", "DECLARED", "NOT_MET", "NOT_APPLICABLE"), statuses);
  }

  private static String constant(String name) {
    try {
      return (String) EventTypes.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("no EventTypes." + name, e);
    }
  }
}
