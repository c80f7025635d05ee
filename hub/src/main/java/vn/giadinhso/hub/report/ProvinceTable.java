package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The province page's table as rows for the CSV and XLSX exports: the same columns, in the page's order. */
public final class ProvinceTable {
  public static final List<String> HEADERS = List.of(
      "Mã xã (Commune id)", "Xã (Commune)", "Số hộ (Households)", "Hộ đạt (Recognised)", "Tỷ lệ đạt % (Recognised %)",
      "Buổi đã tổ chức (Sessions held)", "Buổi đã lên lịch (Sessions planned)", "Tối thiểu (Required)",
      "Điểm dưới mức tối thiểu (Points under minimum)", "Lượt tham dự (Attendance)", "Bài thực hành (Practice tasks)",
      "Yêu cầu hỗ trợ đang mở (Open support requests)", "Tự khai chờ duyệt (Declarations waiting)",
      "Ki-ốt mất liên lạc 24 giờ (Kiosks not seen 24 h)");

  private ProvinceTable() {}

  public static ReportTable of(ProvinceBoard board) {
    List<List<Object>> rows = new ArrayList<>();
    for (ProvinceBoard.Row r : board.rows()) {
      rows.add(List.of(r.id(), r.name(), r.households(), r.recognised(), percent(r.percent()), r.sessionsHeld(),
          r.sessionsPlanned(), r.sessionsRequired(), String.join("; ", r.pointsUnderMinimum()), r.attendance(),
          r.practice(), r.openRequests(), r.declarationsWaiting(), r.staleKiosks()));
    }
    return new ReportTable(HEADERS, rows);
  }

  public static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
