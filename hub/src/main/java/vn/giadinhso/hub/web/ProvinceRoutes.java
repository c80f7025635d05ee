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
import vn.giadinhso.hub.report.CommuneReport;
import vn.giadinhso.hub.report.ProvinceBoard;
import vn.giadinhso.hub.report.ProvinceCharts;
import vn.giadinhso.hub.report.ProvinceTable;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.units.Province;

/**
 * A province's communes side by side (READ_PROVINCE): a table sorted on the server by
 * {@code ?sort=&dir=} (plain links, no script), charts of % recognised and % VNeID level 2 per
 * commune, the province's twelve-month trend (recognised households, sessions held), and the same
 * table as CSV and XLSX. Words come from the {@code reports} bundle; group names from the
 * communes' criteria sets, in the reader's language.
 */
final class ProvinceRoutes {
  /** Sortable columns: key, its heading's message key, and how to compare. */
  record Column(String key, String label, Comparator<ProvinceBoard.Row> order) {}

  static final List<Column> COLUMNS = List.of(
      column("name", Comparator.comparing(ProvinceBoard.Row::name, java.text.Collator.getInstance(
          java.util.Locale.forLanguageTag("vi")))),
      column("households", Comparator.comparingLong(ProvinceBoard.Row::households)),
      column("recognised", Comparator.comparingDouble(ProvinceBoard.Row::percent)),
      // Share of the groups with a target that meet it; a commune with no targets sorts first.
      column("targets", Comparator.comparingDouble(r -> r.targets().withTarget() == 0 ? -1
          : (double) r.targets().meeting() / r.targets().withTarget())),
      column("vneid", Comparator.comparingDouble(r -> r.vneidPercent() == null ? -1 : r.vneidPercent())),
      column("sessions", Comparator.comparingInt(ProvinceBoard.Row::sessionsHeld)),
      column("attendance", Comparator.comparingInt(ProvinceBoard.Row::attendance)),
      column("practice", Comparator.comparingInt(ProvinceBoard.Row::practice)),
      column("requests", Comparator.comparingInt(ProvinceBoard.Row::openRequests)),
      column("declarations", Comparator.comparingInt(ProvinceBoard.Row::declarationsWaiting)),
      column("kiosks", Comparator.comparingInt(ProvinceBoard.Row::staleKiosks)));

  private final HubApp hub;
  private final Pages pages;

  ProvinceRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  private static Column column(String key, Comparator<ProvinceBoard.Row> order) {
    return new Column(key, "reports.province.col." + key, order);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/provinces/{province}", this::page, Permission.READ_PROVINCE);
    routes.get("/dashboard/provinces/{province}/export.csv", ctx -> download(ctx, "csv"), Permission.READ_PROVINCE);
    routes.get("/dashboard/provinces/{province}/export.xlsx", ctx -> download(ctx, "xlsx"), Permission.READ_PROVINCE);
  }

  /** The province in the path; the gate has checked the account may read it. An admin may name one that does not exist. */
  private Province province(Context ctx) {
    String code = ctx.pathParam("province");
    return hub.units.province(code).orElseThrow(() -> DashboardError.notFound("errors.notFound.province", code));
  }

  private void page(Context ctx) {
    Province province = province(ctx);
    ProvinceBoard board = hub.provinceBoards.build(province.code());
    boolean english = Pages.language(ctx) == Messages.Language.EN;
    Column sortBy = COLUMNS.stream().filter(c -> c.key().equals(ctx.queryParam("sort"))).findFirst().orElse(COLUMNS.get(0));
    boolean descending = "desc".equals(ctx.queryParam("dir"));
    List<ProvinceBoard.Row> rows = new ArrayList<>(board.rows());
    rows.sort(descending ? sortBy.order().reversed() : sortBy.order());

    List<Map<String, Object>> headers = new ArrayList<>();
    for (Column c : COLUMNS) {
      boolean sorted = c == sortBy;
      // A sorted column's link flips the direction; any other starts ascending.
      String dir = sorted && !descending ? "desc" : "asc";
      if (c.key().equals("sessions")) {
        // Right of the households' VNeID column: the same goal counted per person (issue 15); not sortable.
        headers.add(Map.of("key", "people", "label", "reports.province.col.people", "sortable", false));
      }
      headers.add(Map.of("key", c.key(), "label", c.label(), "sortable", true,
          "href", "/dashboard/provinces/" + province.code() + "?sort=" + c.key() + "&dir=" + dir,
          "ariaSort", sorted ? (descending ? "descending" : "ascending") : "none",
          "arrow", sorted ? (descending ? "▼" : "▲") : ""));
    }
    // Each commune's VNeID level-2 rate among residents, counted per person from the rosters on every
    // request (one aggregate query for the province), so it always matches the commune's people page.
    Map<String, Map<String, Object>> people = new LinkedHashMap<>();
    hub.peopleReports.residents(board.communeIds()).forEach((commune, residents) -> {
      Map<String, Object> rate = new LinkedHashMap<>(PeopleRoutes.rate(residents.residents(),
          residents.targets().residentsPercent()));
      rate.put("target", residents.targets().residentsPercent());
      people.put(commune, rate);
    });
    Function<ProvinceBoard.Row, Map<String, Object>> line = r -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("households", r.households());
      m.put("recognised", r.recognised());
      m.put("percent", ProvinceTable.percent(r.percent()));
      CommuneReport.TargetsMet targets = r.targets();
      m.put("targets", targets.withTarget() == 0 ? null : targets.meeting() + " / " + targets.withTarget());
      m.put("belowTarget", String.join("; ", r.belowTarget().stream().map(g -> pages.text(ctx, "reports.province.groupRate",
          english ? g.en() : g.vi(), ProvinceTable.percent(g.percent()), g.targetPercent())).toList()));
      m.put("vneid", r.vneidLevel2() == null ? null : ProvinceTable.percent(r.vneidPercent()));
      m.put("vneidCount", r.vneidLevel2());
      m.put("people", people.get(r.id()));
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
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("province", province);
    model.put("month", monthLabel(board.month()));
    model.put("headers", headers);
    model.put("rows", rows.stream().map(line).toList());
    model.put("communeCount", board.rows().size());
    model.put("teamLines", board.rows().stream().map(r -> {
      Map<String, Object> m = new LinkedHashMap<>(TeamRoutes.reportLine(hub.teams.coverage(r.id())));
      m.put("id", r.id());
      m.put("name", r.name());
      return m;
    }).toList());
    model.putAll(ProvinceCharts.render(board, (key, args) -> pages.text(ctx, key, args)));
    model.put("months", board.months().stream().map(mo -> Map.of("month", monthLabel(mo.month()),
        "recognised", String.valueOf(mo.recognised()), "held", String.valueOf(mo.sessionsHeld()))).toList());
    pages.render(ctx, "province", pages.text(ctx, "reports.province.title", province.name()), model);
  }

  static String monthLabel(String yearMonth) {
    return ProvinceCharts.monthLabel(yearMonth);
  }

  private void download(Context ctx, String kind) {
    Province province = province(ctx);
    ProvinceBoard board = hub.provinceBoards.build(province.code());
    var table = ProvinceTable.of(board, hub.peopleReports.residents(board.communeIds()));
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
