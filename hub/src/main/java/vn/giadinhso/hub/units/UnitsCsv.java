package vn.giadinhso.hub.units;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a units file (format in docs/units.md): UTF-8 CSV with a header naming the columns
 * {@link #COLUMNS}, one row per commune or per province alone. Every line is checked; any problem
 * rejects the whole file, each problem named with its line number.
 */
public final class UnitsCsv {
  public static final List<String> COLUMNS =
      List.of("province_code", "province_name", "commune_code", "commune_name", "commune_id", "source");
  static final int MAX_NAME = 100;
  static final int MAX_SOURCE = 300;

  /** One line: a province alone (commune fields empty) or a commune of it. */
  public record Row(long line, String provinceCode, String provinceName, String communeCode, String communeName,
      String communeId, String source) {
    public boolean provinceOnly() {
      return communeName.isEmpty() && communeCode.isEmpty() && communeId.isEmpty();
    }
  }

  private UnitsCsv() {}

  public static List<Row> read(Reader csv) throws IOException, UnitsRejected {
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
    List<Row> rows = new ArrayList<>();
    List<UnitProblem> problems = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(skipBom(csv), format)) {
      List<String> missing = COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
      if (!missing.isEmpty()) {
        throw new UnitsRejected(List.of(new UnitProblem(1, "missing column(s) " + String.join(", ", missing)
            + "; the header must name " + String.join(",", COLUMNS))));
      }
      Map<String, String> provinceNames = new HashMap<>();
      Map<String, Long> communeCodes = new HashMap<>();
      Map<String, Long> communeIds = new HashMap<>();
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (!record.isConsistent()) {
          problems.add(new UnitProblem(line, "expected " + parser.getHeaderMap().size() + " fields, found " + record.size()));
          continue;
        }
        Row row = new Row(line, record.get("province_code"), record.get("province_name"), record.get("commune_code"),
            record.get("commune_name"), record.get("commune_id"), record.get("source"));
        String problem = check(row);
        if (problem == null) {
          String earlier = provinceNames.putIfAbsent(row.provinceCode(), row.provinceName());
          if (earlier != null && !earlier.equals(row.provinceName())) {
            problem = "province_code " + row.provinceCode() + " is named \"" + earlier + "\" on an earlier line";
          }
        }
        if (problem == null && !row.communeCode().isEmpty()) {
          Long first = communeCodes.putIfAbsent(row.communeCode(), line);
          if (first != null) {
            problem = "commune_code " + row.communeCode() + " is on line " + first + " already";
          }
        }
        String id = row.communeId().isEmpty() ? "" : row.communeId();
        if (problem == null && !id.isEmpty()) {
          Long first = communeIds.putIfAbsent(id, line);
          if (first != null) {
            problem = "commune_id " + id + " is on line " + first + " already";
          }
        }
        if (problem != null) {
          problems.add(new UnitProblem(line, problem));
        } else {
          rows.add(row);
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // commons-csv's own refusals: a duplicate header, an unclosed quote.
      problems.add(new UnitProblem(1, "not a readable CSV file: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new UnitsRejected(problems);
    }
    if (rows.isEmpty()) {
      throw new UnitsRejected(List.of(new UnitProblem(1, "the file has a header but no rows")));
    }
    return rows;
  }

  /** The row's first problem, or null. */
  static String check(Row row) {
    if (!row.provinceCode().matches("\\d{2}")) {
      return "province_code must be the official two-digit code (e.g. 52)";
    }
    if (row.provinceName().isEmpty() || row.provinceName().length() > MAX_NAME) {
      return "province_name is required (at most " + MAX_NAME + " characters)";
    }
    if (row.source().isEmpty() || row.source().length() > MAX_SOURCE) {
      return "source is required: say where the row's codes and names come from (at most " + MAX_SOURCE + " characters)";
    }
    if (row.provinceOnly()) {
      return null;
    }
    if (row.communeName().isEmpty() || row.communeName().length() > MAX_NAME) {
      return "commune_name is required when a commune is given (at most " + MAX_NAME + " characters)";
    }
    if (!row.communeCode().isEmpty() && !row.communeCode().matches("\\d{5}")) {
      return "commune_code must be the official five-digit code, or empty when not known";
    }
    if (!row.communeId().isEmpty() && !row.communeId().matches("[a-z0-9][a-z0-9-]{1,39}")) {
      return "commune_id must be 2-40 of a-z 0-9 - (the hub's id, as in /dashboard/c/an-tuong), or empty";
    }
    if (row.communeId().isEmpty() && UnitNames.slug(row.communeName()).length() < 2) {
      return "commune_name gives no usable id; fill commune_id";
    }
    return null;
  }

  private static Reader skipBom(Reader reader) throws IOException {
    java.io.PushbackReader in = new java.io.PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }
}
