package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.report.ProvinceBoard;
import vn.giadinhso.hub.report.ProvinceTable;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.report.SvgBars;
import vn.giadinhso.hub.units.Province;

/**
 * A province's communes side by side (READ_PROVINCE): a table sorted on the server by
 * {@code ?sort=&dir=} (plain links, no script), a chart of % recognised, and the same table as
 * CSV and XLSX.
 */
final class ProvinceRoutes {
  /** Sortable columns: key → label (Vietnamese first) and how to compare. */
  record Column(String key, String vi, String en, Comparator<ProvinceBoard.Row> order) {}

  static final List<Column> COLUMNS = List.of(
      column("name", "Xã", "Commune", Comparator.comparing(ProvinceBoard.Row::name, java.text.Collator.getInstance(
          java.util.Locale.forLanguageTag("vi")))),
      column("households", "Số hộ", "Households", Comparator.comparingLong(ProvinceBoard.Row::households)),
      column("recognised", "% đạt \"Gia đình số\"", "% recognised", Comparator.comparingDouble(ProvinceBoard.Row::percent)),
      column("sessions", "Buổi hỗ trợ tháng này / tối thiểu", "Sessions this month / minimum",
          Comparator.comparingInt(ProvinceBoard.Row::sessionsHeld)),
      column("attendance", "Lượt tham dự tháng này", "Attendance this month", Comparator.comparingInt(ProvinceBoard.Row::attendance)),
      column("practice", "Bài thực hành tháng này", "Practice tasks this month", Comparator.comparingInt(ProvinceBoard.Row::practice)),
      column("requests", "Yêu cầu hỗ trợ đang mở", "Open support requests", Comparator.comparingInt(ProvinceBoard.Row::openRequests)),
      column("declarations", "Tự khai chờ duyệt", "Declarations waiting", Comparator.comparingInt(ProvinceBoard.Row::declarationsWaiting)),
      column("kiosks", "Ki-ốt mất liên lạc 24 giờ", "Kiosks not seen 24 h", Comparator.comparingInt(ProvinceBoard.Row::staleKiosks)));

  private final HubApp hub;
  private final Pages pages;

  ProvinceRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  private static Column column(String key, String vi, String en, Comparator<ProvinceBoard.Row> order) {
    return new Column(key, vi, en, order);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/provinces/{province}", this::page, Permission.READ_PROVINCE);
    routes.get("/dashboard/provinces/{province}/export.csv", ctx -> download(ctx, "csv"), Permission.READ_PROVINCE);
    routes.get("/dashboard/provinces/{province}/export.xlsx", ctx -> download(ctx, "xlsx"), Permission.READ_PROVINCE);
  }

  /** The province in the path; the gate has checked the account may read it. An admin may name one that does not exist. */
  private Province province(Context ctx) {
    String code = ctx.pathParam("province");
    return hub.units.province(code).orElseThrow(() -> DashboardError.notFound("tỉnh " + code));
  }

  private void page(Context ctx) {
    Province province = province(ctx);
    ProvinceBoard board = hub.provinceBoards.build(province.code());
    Column sortBy = COLUMNS.stream().filter(c -> c.key().equals(ctx.queryParam("sort"))).findFirst().orElse(COLUMNS.get(0));
    boolean descending = "desc".equals(ctx.queryParam("dir"));
    List<ProvinceBoard.Row> rows = new ArrayList<>(board.rows());
    rows.sort(descending ? sortBy.order().reversed() : sortBy.order());

    List<Map<String, Object>> headers = new ArrayList<>();
    for (Column c : COLUMNS) {
      boolean sorted = c == sortBy;
      // A sorted column's link flips the direction; any other starts ascending.
      String dir = sorted && !descending ? "desc" : "asc";
      headers.add(Map.of("key", c.key(), "vi", c.vi(), "en", c.en(),
          "href", "/dashboard/provinces/" + province.code() + "?sort=" + c.key() + "&dir=" + dir,
          "ariaSort", sorted ? (descending ? "descending" : "ascending") : "none",
          "arrow", sorted ? (descending ? "▼" : "▲") : ""));
    }
    Function<ProvinceBoard.Row, Map<String, Object>> line = r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("households", r.households());
      m.put("recognised", r.recognised());
      m.put("percent", ProvinceTable.percent(r.percent()));
      m.put("held", String.valueOf(r.sessionsHeld()));
      m.put("planned", String.valueOf(r.sessionsPlanned()));
      m.put("required", String.valueOf(r.sessionsRequired()));
      m.put("under", String.join(", ", r.pointsUnderMinimum()));
      m.put("attendance", String.valueOf(r.attendance()));
      m.put("practice", String.valueOf(r.practice()));
      m.put("requests", String.valueOf(r.openRequests()));
      m.put("declarations", String.valueOf(r.declarationsWaiting()));
      m.put("kiosks", String.valueOf(r.staleKiosks()));
      return m;
    };
    List<SvgBars.Bar> bars = board.rows().stream().map(r -> new SvgBars.Bar(r.name(), r.percent(), 100, null)).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("province", province);
    model.put("month", board.month());
    model.put("headers", headers);
    model.put("rows", rows.stream().map(line).toList());
    model.put("communeCount", board.rows().size());
    model.put("chart", SvgBars.render("chart-province-recognised", bars));
    pages.render(ctx, "province", province.name() + " · Tỉnh · Province", model);
  }

  private void download(Context ctx, String kind) {
    Province province = province(ctx);
    var table = ProvinceTable.of(hub.provinceBoards.build(province.code()));
    String file = "bao-cao-tinh-" + province.code() + "-" + LocalDate.now(hub.clock.withZone(Pages.VIETNAM)) + "." + kind;
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    if (kind.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8").result(ReportExports.csv(table));
    } else {
      ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .result(ReportExports.xlsx(table, "Tinh " + province.code()));
    }
  }
}
