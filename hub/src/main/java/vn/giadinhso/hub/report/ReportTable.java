package vn.giadinhso.hub.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.giadinhso.hub.people.PeopleReport;

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

  /**
   * The report and, after it, the commune's VNeID level-2 rates counted per person (issue 15), for
   * the commune and each village against the commune's targets, as the people page shows them.
   */
  public static ReportTable of(CommuneReport report, PeopleReport people) {
    List<List<Object>> rows = new ArrayList<>(of(report).rows());
    for (PeopleReport.Area a : people.areas()) {
      String scope = scope(report, a.village()) + " " + people.year();
      rows.add(personRow(scope, "Người dân (từ 14 tuổi) có VNeID mức 2 (Residents 14 and over with VNeID level 2)",
          "people:vneid-residents", a.residents(), people.targets().residentsPercent()));
      rows.add(personRow(scope, "Thành viên hộ cán bộ, công chức có VNeID mức 2 "
          + "(Members of officials' households with VNeID level 2)", "people:vneid-officials", a.officials(),
          people.targets().officialsPercent()));
      rows.add(personRow(scope, "Thanh niên (16–30 tuổi) có VNeID mức 2 (Youth 16–30 with VNeID level 2)",
          "people:vneid-youth", a.youth(), people.targets().youthPercent()));
    }
    return new ReportTable(HEADERS, rows);
  }

  private static List<Object> personRow(String scope, String measure, String id, PeopleReport.Rate rate, int target) {
    // Nobody counted: no rate, as the people page shows "—".
    return List.of(scope, measure, id, rate.count(), rate.of(), rate.percent() == null ? "" : round(rate.percent()),
        target);
  }

  private static String scope(CommuneReport report, String village) {
    return village == null ? "Xã " + report.communeName() : village;
  }

  private static String round(double percent) {
    return String.format(Locale.ROOT, "%.1f", percent);
  }
}
