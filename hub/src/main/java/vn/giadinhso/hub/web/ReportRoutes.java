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
import vn.giadinhso.hub.report.SvgColumns;

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
      throw DashboardError.notFound("errors.notFound.report");
    }
    return hub.reports.build(commune);
  }

  private void page(Context ctx) {
    CommuneReport report = report(ctx);
    String commune = DashboardAccess.commune(ctx);
    boolean english = Pages.language(ctx) == Messages.Language.EN;
    String whole = pages.text(ctx, "reports.report.wholeCommune");
    String percentAxis = pages.text(ctx, "reports.chart.percentAxis");
    List<SvgBars.Bar> areaBars = new ArrayList<>();
    for (CommuneReport.Area a : report.areas()) {
      areaBars.add(new SvgBars.Bar(a.village() == null ? whole : a.village(), a.percent(), 100,
          a.village() == null && report.overallTargetPercent() != null ? report.overallTargetPercent().doubleValue() : null));
    }
    List<SvgBars.Bar> criterionBars = report.criteria().stream().filter(c -> c.village() == null)
        .map(c -> new SvgBars.Bar(english ? c.en() : c.vi(), c.percent(), 100, null)).toList();
    List<CommuneReport.GroupRate> communeGroups = report.communeGroups();
    List<SvgBars.Bar> groupBars = communeGroups.stream()
        .map(g -> new SvgBars.Bar(english ? g.en() : g.vi(), g.percent(), 100,
            g.targetPercent() == null ? null : g.targetPercent().doubleValue())).toList();
    int maxAttendance = report.months().stream().mapToInt(CommuneReport.Month::attendance).max().orElse(0);
    List<SvgBars.Bar> attendanceBars = report.months().stream()
        .map(m -> new SvgBars.Bar(ProvinceRoutes.monthLabel(m.month()), m.attendance(), Math.max(1, maxAttendance), null)).toList();
    String month = pages.text(ctx, "reports.trend.month");

    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("areas", report.areas().stream().map(a -> Map.of("name", a.village() == null ? whole : a.village(),
        "village", a.village() == null ? "" : a.village(), "households", a.households(), "recognised", a.recognised(),
        "percent", pct(a.percent()))).toList());
    model.put("groups", communeGroups.stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id());
      m.put("name", english ? g.en() : g.vi());
      m.put("percent", pct(g.percent()));
      m.put("households", g.households());
      m.put("recognised", g.recognised());
      m.put("target", g.targetPercent() == null ? null : g.targetPercent() + " %");
      m.put("meets", g.meetsTarget());
      m.put("below", g.belowTarget());
      return m;
    }).toList());
    CommuneReport.TargetsMet targets = CommuneReport.TargetsMet.of(communeGroups);
    model.put("targetsMeeting", String.valueOf(targets.meeting()));
    model.put("targetsWith", targets.withTarget() == 0 ? null : String.valueOf(targets.withTarget()));
    if (report.vneidLevel2() != null) {
      model.put("vneid", Map.of("count", String.valueOf(report.vneidLevel2()),
          "households", String.valueOf(report.areas().get(0).households()), "percent", pct(report.vneidPercent())));
    }
    model.put("months", report.months().stream().map(m -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("month", ProvinceRoutes.monthLabel(m.month()));
      row.put("sessions", m.sessionsHeld() + " / " + m.sessionsPlanned() + " / " + m.sessionsRequired());
      row.put("held", String.valueOf(m.sessionsHeld()));
      row.put("attendance", String.valueOf(m.attendance()));
      row.put("practice", String.valueOf(m.practiceCompleted()));
      row.put("scans", String.valueOf(m.scans()));
      row.put("declarations", String.valueOf(m.declarations()));
      row.put("requests", String.valueOf(m.supportRequests()));
      row.put("recognised", String.valueOf(m.recognised()));
      return row;
    }).toList());
    model.put("chartAreas", SvgBars.render("chart-recognised", pages.text(ctx, "reports.report.recognised"), percentAxis, areaBars));
    model.put("chartCriteria", SvgBars.render("chart-criteria", pages.text(ctx, "reports.report.criteria"), percentAxis,
        criterionBars));
    model.put("chartGroups", SvgBars.render("chart-groups", pages.text(ctx, "reports.report.groups"), percentAxis, groupBars));
    model.put("chartAttendance", SvgBars.render("chart-attendance", pages.text(ctx, "reports.report.attendanceChart"),
        pages.text(ctx, "reports.report.attendance"), attendanceBars));
    model.put("chartTrendRecognised", SvgColumns.render("chart-trend-recognised", pages.text(ctx, "reports.trend.recognised.title"),
        month, pages.text(ctx, "reports.trend.recognised.axis"), report.months().stream()
            .map(m -> new SvgColumns.Column(ProvinceRoutes.monthLabel(m.month()), m.recognised())).toList()));
    model.put("chartTrendSessions", SvgColumns.render("chart-trend-sessions", pages.text(ctx, "reports.trend.sessions.title"),
        month, pages.text(ctx, "reports.trend.sessions.axis"), report.months().stream()
            .map(m -> new SvgColumns.Column(ProvinceRoutes.monthLabel(m.month()), m.sessionsHeld())).toList()));
    model.put("teams", TeamRoutes.reportLine(hub.teams.coverage(commune)));
    pages.render(ctx, "report", pages.text(ctx, "reports.report.title", report.communeName()), model);
  }

  private void download(Context ctx, String kind) {
    CommuneReport report = report(ctx);
    String commune = DashboardAccess.commune(ctx);
    ReportTable table = ReportTable.of(report, hub.peopleReports.report(commune));
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
      throw DashboardError.badInputKey("errors.chooseCards", MAX_CARDS);
    }
    List<Household> households = new ArrayList<>();
    for (String code : codes) {
      households.add(hub.households.find(code).filter(h -> h.household().communeId().equals(commune))
          .orElseThrow(() -> DashboardError.notFound("errors.notFound.household", code)).household());
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
