package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.giadinhso.hub.people.PeopleReport;
import vn.giadinhso.hub.people.PeopleReports;

/** The province page's table as rows for the CSV and XLSX exports: the same columns, in the page's order. */
public final class ProvinceTable {
  public static final List<String> HEADERS = List.of(
      "Mã xã (Commune id)", "Xã (Commune)", "Số hộ (Households)", "Hộ đạt (Recognised)", "Tỷ lệ đạt % (Recognised %)",
      "Nhóm đạt mục tiêu (Target groups meeting target)", "Nhóm có mục tiêu (Target groups with a target)",
      "Nhóm dưới mục tiêu (Groups below target)", "Hộ có VNeID mức 2 (Households with VNeID level 2)",
      "Tỷ lệ VNeID mức 2 % (VNeID level 2 %)",
      "Buổi đã tổ chức (Sessions held)", "Buổi đã lên lịch (Sessions planned)", "Tối thiểu (Required)",
      "Điểm dưới mức tối thiểu (Points under minimum)", "Lượt tham dự (Attendance)", "Bài thực hành (Practice tasks)",
      "Yêu cầu hỗ trợ đang mở (Open support requests)", "Tự khai chờ duyệt (Declarations waiting)",
      "Ki-ốt mất liên lạc 24 giờ (Kiosks not seen 24 h)",
      "Người dân có VNeID mức 2 (Residents with VNeID level 2)", "Người dân được tính (Residents counted)",
      "Tỷ lệ người dân có VNeID mức 2 % (Residents with VNeID level 2 %)", "Mục tiêu % (Residents target %)");

  private ProvinceTable() {}

  /**
   * @param people each commune's residents' VNeID level-2 rate counted per person (issue 15) against
   *               its own target, as the page's column and the commune's people page
   */
  public static ReportTable of(ProvinceBoard board, Map<String, PeopleReports.CommuneResidents> people) {
    List<List<Object>> rows = new ArrayList<>();
    for (ProvinceBoard.Row r : board.rows()) {
      CommuneReport.TargetsMet targets = r.targets();
      List<Object> row = new ArrayList<>(List.of(r.id(), r.name(), r.households(), r.recognised(), percent(r.percent()),
          targets.meeting(), targets.withTarget(), String.join("; ", r.belowTarget().stream().map(ProvinceTable::below).toList())));
      // A commune whose criteria set has no VNeID level-2 criterion: empty cells, not a zero.
      row.add(r.vneidLevel2() == null ? "" : r.vneidLevel2());
      row.add(r.vneidLevel2() == null ? "" : percent(r.vneidPercent()));
      row.addAll(List.of(r.sessionsHeld(), r.sessionsPlanned(), r.sessionsRequired(), String.join("; ", r.pointsUnderMinimum()),
          r.attendance(), r.practice(), r.openRequests(), r.declarationsWaiting(), r.staleKiosks()));
      PeopleReports.CommuneResidents commune = people.get(r.id());
      PeopleReport.Rate residents = commune.residents();
      row.addAll(List.of(residents.count(), residents.of(),
          residents.percent() == null ? "" : percent(residents.percent()), commune.targets().residentsPercent()));
      rows.add(row);
    }
    return new ReportTable(HEADERS, rows);
  }

  /** "Gia đình hội viên … 62.5 % < 70 %": a group under its target, with both figures. */
  static String below(CommuneReport.GroupRate g) {
    return g.vi() + " " + percent(g.percent()) + " % < " + g.targetPercent() + " %";
  }

  public static String percent(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
