package vn.giadinhso.hub.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** CSV (UTF-8 with a BOM, so Excel shows Vietnamese correctly) and XLSX of a report table. */
public final class ReportExports {
  private ReportExports() {}

  public static byte[] csv(ReportTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      writer.write('\uFEFF');
      csv.printRecord(table.headers().stream().map(ReportExports::inert).toList());
      for (List<Object> row : table.rows()) {
        csv.printRecord(row.stream().map(ReportExports::inert).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A text cell that a spreadsheet would read as a formula (=, +, -, @, or a leading tab or CR
   * before one) gets a leading apostrophe, so a village or name typed as
   * {@code =HYPERLINK("http://…")} stays text when staff open the export. Numbers stay numbers;
   * XLSX needs none of this, its cells are typed.
   */
  static Object inert(Object cell) {
    if (cell instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      return "'" + s;
    }
    return cell;
  }

  public static byte[] xlsx(ReportTable table, String sheetName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "Gia Dinh So hub", "1.0");
      Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
      for (int c = 0; c < table.headers().size(); c++) {
        sheet.value(0, c, table.headers().get(c));
        sheet.style(0, c).bold().set();
      }
      for (int r = 0; r < table.rows().size(); r++) {
        List<Object> row = table.rows().get(r);
        for (int c = 0; c < row.size(); c++) {
          Object v = row.get(c);
          if (v instanceof Number n) {
            sheet.value(r + 1, c, n);
          } else if (v instanceof String s && s.matches("-?\\d+\\.\\d+")) {
            sheet.value(r + 1, c, Double.parseDouble(s));
          } else if (v != null && !"".equals(v)) {
            sheet.value(r + 1, c, v.toString());
          }
        }
      }
      sheet.width(1, 60);
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
