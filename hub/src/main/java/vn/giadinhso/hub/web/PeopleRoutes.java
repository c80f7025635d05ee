package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.people.PeopleReport;
import vn.giadinhso.hub.people.PeopleReports;
import vn.giadinhso.hub.people.PersonTargets;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.report.ReportTable;

/**
 * People, not only households (issue 15): staff record a member's VNeID level 2 and core digital
 * citizen on the household page, decide residents' declarations about themselves, read the
 * person-level report against the commune's targets, and the list of members without VNeID
 * level 2 (page and CSV). Members are named only masked; a form names a member by position, so
 * no ID hash is ever in a page.
 */
final class PeopleRoutes {
  private final HubApp hub;
  private final Pages pages;

  PeopleRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.post("/dashboard/c/{commune}/households/{code}/members/{seq}/vneid", this::vneid, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/households/{code}/members/{seq}/core", this::core, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/member-declarations/{event}", this::decide, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/people", this::report, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/people/targets", this::saveTargets, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/people/without-vneid", this::withoutVneid, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/people/without-vneid.csv", this::withoutVneidCsv, Permission.READ_COMMUNE);
  }

  private String memberHash(Context ctx, String commune) {
    int seq;
    try {
      seq = Integer.parseInt(ctx.pathParam("seq"));
    } catch (NumberFormatException e) {
      throw DashboardError.notFound("errors.notFound.household", ctx.pathParam("code"));
    }
    return hub.people.memberHash(commune, ctx.pathParam("code"), seq)
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.household", ctx.pathParam("code")));
  }

  private void backToHousehold(Context ctx, String commune) {
    ctx.redirect("/dashboard/c/" + commune + "/households/" + ctx.pathParam("code") + "#people", HttpStatus.SEE_OTHER);
  }

  private void vneid(Context ctx) {
    memberMark(ctx, "activated", "member.vneid", "activated", "not activated",
        (commune, hash, yes, staff) -> hub.people.recordVneidByStaff(commune, hash, yes, staff));
  }

  private void core(Context ctx) {
    memberMark(ctx, "core", "member.core", "core digital citizen", "not core",
        (commune, hash, yes, staff) -> hub.people.setCoreDigitalCitizen(commune, hash, yes, staff));
  }

  /** One of a member's yes/no marks set by staff from the household page, audited. */
  private void memberMark(Context ctx, String field, String auditAction, String yesText, String noText, MemberMark mark) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    boolean yes = "yes".equals(Forms.text(ctx, field));
    mark.set(commune, memberHash(ctx, commune), yes, user.username());
    hub.audit.record(user.username(), commune, auditAction, ctx.pathParam("code") + "/" + ctx.pathParam("seq"),
        yes ? yesText : noText);
    backToHousehold(ctx, commune);
  }

  @FunctionalInterface
  private interface MemberMark {
    void set(String commune, String memberHash, boolean yes, String staff);
  }

  private void decide(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    boolean verify = "verify".equals(Forms.text(ctx, "decision"));
    String household = hub.memberDeclarations.decide(commune, ctx.pathParam("event"), verify, user.username())
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.household", ctx.pathParam("event")));
    hub.audit.record(user.username(), commune, verify ? "member.declaration.verified" : "member.declaration.rejected",
        household, ctx.pathParam("event"));
    String back = Forms.text(ctx, "back");
    ctx.redirect(back.startsWith("/dashboard/c/" + commune + "/") ? back
        : "/dashboard/c/" + commune + "/households/" + household + "#people", HttpStatus.SEE_OTHER);
  }

  private void report(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    PeopleReport report = hub.peopleReports.report(commune);
    List<Map<String, Object>> areas = new ArrayList<>();
    for (PeopleReport.Area a : report.areas()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("village", a.village() == null ? pages.text(ctx, "people.wholeCommune") : a.village());
      row.put("commune", a.village() == null);
      row.put("residents", rate(a.residents(), report.targets().residentsPercent()));
      row.put("officials", rate(a.officials(), report.targets().officialsPercent()));
      row.put("youth", rate(a.youth(), report.targets().youthPercent()));
      areas.add(row);
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("year", report.year());
    model.put("areas", areas);
    model.put("targets", report.targets());
    pages.render(ctx, "people", pages.text(ctx, "people.title"), model);
  }

  /** A rate as the people page shows it ("3 / 24 · 12.5 %"); the province page shows the same. */
  static Map<String, Object> rate(PeopleReport.Rate rate, int target) {
    Double percent = rate.percent();
    return Map.of("count", rate.count(), "of", rate.of(),
        "percent", percent == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f %%", percent),
        "reached", percent != null && percent >= target);
  }

  private void saveTargets(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    PersonTargets targets;
    try {
      targets = new PersonTargets(Integer.parseInt(Forms.text(ctx, "residents")),
          Integer.parseInt(Forms.text(ctx, "officials")), Integer.parseInt(Forms.text(ctx, "youth")));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInputKey("people.error.target");
    }
    hub.personTargets.save(commune, targets, user.username());
    hub.audit.record(user.username(), commune, "people.targets", commune, targets.toString());
    ctx.redirect("/dashboard/c/" + commune + "/people", HttpStatus.SEE_OTHER);
  }

  /**
   * The villages this reader may see: all of them, since only readers of the whole commune reach
   * these pages. Field accounts read their own villages' list through the field API instead
   * ({@code FieldRoutes}, {@code /field/api/without-vneid}), which passes their village ids.
   */
  private Optional<java.util.Set<String>> visibleVillages(Context ctx) {
    return Optional.empty();
  }

  private List<PeopleReports.Missing> missing(Context ctx, String commune) {
    String village = Optional.ofNullable(ctx.queryParam("village")).orElse("");
    return hub.peopleReports.withoutVneid(commune, visibleVillages(ctx)).stream()
        .filter(m -> village.isEmpty() || m.village().equals(village)).toList();
  }

  private void withoutVneid(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    List<PeopleReports.Missing> rows = missing(ctx, commune);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("rows", rows);
    model.put("count", rows.size());
    model.put("villages", hub.peopleReports.withoutVneid(commune, visibleVillages(ctx)).stream()
        .map(PeopleReports.Missing::village).distinct().map(v -> Map.of("name", v,
            "selected", v.equals(ctx.queryParam("village")))).toList());
    model.put("csvHref", "/dashboard/c/" + commune + "/people/without-vneid.csv?village=" + java.net.URLEncoder.encode(
        Optional.ofNullable(ctx.queryParam("village")).orElse(""), java.nio.charset.StandardCharsets.UTF_8));
    pages.render(ctx, "people-without-vneid", pages.text(ctx, "people.missing.title"), model);
  }

  private void withoutVneidCsv(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    List<List<Object>> rows = new ArrayList<>();
    for (PeopleReports.Missing m : missing(ctx, commune)) {
      rows.add(List.of(m.village(), m.householdCode(), m.maskedName(), m.idMasked()));
    }
    ReportTable table = new ReportTable(List.of("Thôn/tổ (Village)", "Mã hộ (Household)", "Họ tên (Name, masked)",
        "Số định danh (ID, masked)"), rows);
    ctx.header("Content-Disposition", "attachment; filename=\"chua-vneid-muc-2-" + commune + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(ReportExports.csv(table));
  }
}
