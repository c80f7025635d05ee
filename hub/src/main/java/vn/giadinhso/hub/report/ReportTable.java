package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report as one flat table (a row per commune/village and measure), shared by the CSV and
 * XLSX exports so both always say the same thing.
 */
public record ReportTable(List<String> headers, List<List<Object>> rows) {
  public static final List<String> HEADERS = List.of(
      "Phạm vi (Scope)", "Chỉ số (Measure)", "Mã (Id)", "Đạt (Count)", "Tổng (Of)", "Tỷ lệ % (Rate)", "Mục tiêu % (Target)");

  public static ReportTable of(CommuneReport report) {
    List<List<Object>> rows = new ArrayList<>();
    for (CommuneReport.Area a : report.areas()) {
      rows.add(List.of(scope(report, a.village()), "Hộ đạt \"Gia đình số\" (Recognised households)", "recognised",
          a.recognised(), a.households(), round(a.percent()),
          a.village() == null && report.overallTargetPercent() != null ? report.overallTargetPercent() : ""));
    }
    if (report.vneidLevel2() != null) {
      // Of all households, as the province page's column (the criterion's own row is of those it applies to).
      rows.add(List.of(scope(report, null), "Hộ có tài khoản VNeID mức 2 trên tổng số hộ (Households with VNeID level 2, of all)",
          "vneid-level2-households", report.vneidLevel2(), report.areas().get(0).households(), round(report.vneidPercent()), ""));
    }
    for (CommuneReport.CriterionRate c : report.criteria()) {
      rows.add(List.of(scope(report, c.village()), c.vi() + " (" + c.en() + ")", c.id(), c.met(), c.applicable(),
          round(c.percent()), ""));
    }
    for (CommuneReport.GroupRate g : report.groups()) {
      rows.add(List.of(scope(report, g.village()), g.vi() + " (" + g.en() + ")", "group:" + g.id(), g.recognised(),
          g.households(), round(g.percent()), g.targetPercent() == null ? "" : g.targetPercent()));
    }
    CommuneReport.TargetsMet targets = CommuneReport.TargetsMet.of(report.communeGroups());
    if (targets.withTarget() > 0) {
      rows.add(List.of(scope(report, null), "Nhóm đạt mục tiêu (Target groups meeting target)", "groups-meeting-target",
          targets.meeting(), targets.withTarget(), "", ""));
    }
    for (CommuneReport.Month m : report.months()) {
      String scope = scope(report, null) + " " + m.month();
      rows.add(List.of(scope, "Buổi hỗ trợ đã tổ chức / tối thiểu (Sessions held / required)", "sessions",
          m.sessionsHeld(), m.sessionsRequired(), "", ""));
      rows.add(List.of(scope, "Lượt tham dự (Attendance)", "attendance", m.attendance(), "", "", ""));
      rows.add(List.of(scope, "Bài thực hành hoàn thành (Practice tasks completed)", "practice", m.practiceCompleted(), "", "", ""));
      rows.add(List.of(scope, "Lượt quét tại ki-ốt (Kiosk scans)", "scans", m.scans(), "", "", ""));
      rows.add(List.of(scope, "Hộ được công nhận cuối tháng (Households recognised at month end)", "recognised",
          m.recognised(), "", "", ""));
    }
    return new ReportTable(HEADERS, rows);
  }

  private static String scope(CommuneReport report, String village) {
    return village == null ? "Xã " + report.communeName() : village;
  }

  private static String round(double percent) {
    return String.format(Locale.ROOT, "%.1f", percent);
  }
}
