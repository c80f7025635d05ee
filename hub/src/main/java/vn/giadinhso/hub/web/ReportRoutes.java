package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.dashboard.HouseholdSearch;
import vn.giadinhso.hub.household.Household;
import vn.giadinhso.hub.report.CommuneReport;
import vn.giadinhso.hub.report.QrCardSheet;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.report.ReportTable;
import vn.giadinhso.hub.report.SvgBars;

/** Commune and village reports with charts, CSV/XLSX exports, a JSON form, and printable QR cards. */
final class ReportRoutes {
  static final int MAX_CARDS = 800;

  private final HubApp hub;
  private final Pages pages;
  private final Responses responses;
  private final HouseholdSearch search;

  ReportRoutes(HubApp hub, Pages pages, Responses responses) {
    this.hub = hub;
    this.pages = pages;
    this.responses = responses;
    this.search = new HouseholdSearch(hub.db);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/report", this::page, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/report.csv", ctx -> download(ctx, "csv"), Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/report.xlsx", ctx -> download(ctx, "xlsx"), Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/cards.pdf", this::cards, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/api/c/{commune}/report", ctx -> responses.ok(ctx, report(ctx)), Permission.READ_COMMUNE);
  }

  /**
   * The report of the commune in the path. An admin may name any commune, so one with no criteria
   * set (or no such commune) is a 404 page here rather than the report builder's 500.
   */
  private CommuneReport report(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    if (hub.criteria.active(commune).isEmpty()) {
      throw DashboardError.notFound("báo cáo của xã này");
    }
    return hub.reports.build(commune);
  }

  private void page(Context ctx) {
    CommuneReport report = report(ctx);
    String commune = DashboardAccess.commune(ctx);
    List<SvgBars.Bar> areaBars = new ArrayList<>();
    for (CommuneReport.Area a : report.areas()) {
      areaBars.add(new SvgBars.Bar(a.village() == null ? "Toàn xã · Commune" : a.village(), a.percent(), 100,
          a.village() == null && report.overallTargetPercent() != null ? report.overallTargetPercent().doubleValue() : null));
    }
    List<SvgBars.Bar> criterionBars = report.criteria().stream().filter(c -> c.village() == null)
        .map(c -> new SvgBars.Bar(c.vi(), c.percent(), 100, null)).toList();
    List<SvgBars.Bar> groupBars = report.groups().stream().filter(g -> g.village() == null)
        .map(g -> new SvgBars.Bar(g.vi(), g.percent(), 100, g.targetPercent() == null ? null : g.targetPercent().doubleValue())).toList();
    int maxAttendance = report.months().stream().mapToInt(CommuneReport.Month::attendance).max().orElse(0);
    List<SvgBars.Bar> attendanceBars = report.months().stream()
        .map(m -> new SvgBars.Bar(m.month(), m.attendance(), Math.max(1, maxAttendance), null)).toList();

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("areas", report.areas().stream().map(a -> Map.of("name", a.village() == null ? "Toàn xã" : a.village(),
        "village", a.village() == null ? "" : a.village(), "households", a.households(), "recognised", a.recognised(),
        "percent", pct(a.percent()))).toList());
    model.put("groups", report.groups().stream().filter(g -> g.village() == null).map(g -> Map.of("name", g.vi(),
        "percent", pct(g.percent()), "households", g.households(), "target", g.targetPercent() == null ? "—" : g.targetPercent() + " %",
        "below", g.belowTarget())).toList());
    model.put("months", report.months());
    model.put("chartAreas", SvgBars.render("chart-recognised", areaBars));
    model.put("chartCriteria", SvgBars.render("chart-criteria", criterionBars));
    model.put("chartGroups", SvgBars.render("chart-groups", groupBars));
    model.put("chartAttendance", SvgBars.render("chart-attendance", attendanceBars));
    pages.render(ctx, "report", "Báo cáo xã " + report.communeName() + " · Report", model);
  }

  private void download(Context ctx, String kind) {
    CommuneReport report = report(ctx);
    String commune = DashboardAccess.commune(ctx);
    ReportTable table = ReportTable.of(report);
    String file = "bao-cao-" + commune + "-" + LocalDate.now(hub.clock.withZone(Pages.VIETNAM)) + "." + kind;
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    if (kind.equals("csv")) {
      ctx.contentType("text/csv; charset=utf-8").result(ReportExports.csv(table));
    } else {
      ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .result(ReportExports.xlsx(table, "Bao cao " + commune));
    }
  }

  private void cards(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    List<String> codes = new ArrayList<>();
    String village = ctx.queryParam("village");
    String selection = ctx.queryParam("codes");
    if (selection != null && !selection.isBlank()) {
      for (String code : selection.split("[,\\s]+")) {
        if (!code.isBlank()) {
          codes.add(code.strip().toUpperCase(Locale.ROOT));
        }
      }
    } else if (village != null && !village.isBlank()) {
      codes.addAll(search.codesInVillage(commune, village.strip(), MAX_CARDS));
    }
    if (codes.isEmpty() || codes.size() > MAX_CARDS) {
      throw DashboardError.badInput("Chọn một thôn hoặc danh sách mã hộ (tối đa " + MAX_CARDS + ") · Choose a village or household codes");
    }
    List<Household> households = new ArrayList<>();
    for (String code : codes) {
      households.add(hub.households.find(code).filter(h -> h.household().communeId().equals(commune))
          .orElseThrow(() -> DashboardError.notFound("hộ " + code)).household());
    }
    byte[] pdf = new QrCardSheet((h, issued) -> hub.cards.payload(h.communeId(), h.code(), issued))
        .render(households, LocalDate.now(hub.clock.withZone(Pages.VIETNAM)));
    hub.audit.record(Pages.user(ctx).username(), commune, "cards.printed", village != null ? village : "selection",
        households.size() + " cards");
    ctx.header("Content-Disposition", "inline; filename=\"the-qr-" + commune + ".pdf\"");
    ctx.contentType("application/pdf").result(pdf);
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
