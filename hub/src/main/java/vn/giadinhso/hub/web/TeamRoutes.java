package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.teams.Coverage;
import vn.giadinhso.hub.teams.HouseholdRef;
import vn.giadinhso.hub.teams.MemberDetails;
import vn.giadinhso.hub.teams.PhoneNumbers;
import vn.giadinhso.hub.teams.Team;
import vn.giadinhso.hub.teams.TeamMember;
import vn.giadinhso.hub.teams.TeamRejected;
import vn.giadinhso.hub.teams.TeamRole;
import vn.giadinhso.hub.teams.TeamSummary;
import vn.giadinhso.hub.teams.Training;
import vn.giadinhso.hub.teams.TrainingDetails;

/**
 * The register of community technology teams in the browser (decision hub-027): the commune's
 * teams with their figures and the households nobody looks after, a team's page, and the forms
 * that change it (commune staff). Members' phone numbers are personal data: shown and exported
 * only to those who may change the commune (its staff, admins), never written to the audit log.
 * Households' heads are shown masked, as on every list.
 */
final class TeamRoutes {
  /** How many households looked after by nobody the list shows (the count says how many in all). */
  static final int NOBODY_SHOWN = 200;
  static final int SEARCH_HITS = 20;

  private final HubApp hub;
  private final Pages pages;

  TeamRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/teams", this::list, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams", this::createTeam, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/teams/{team}", this::page, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/members", this::addMember, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/members/{member}/edit", this::editMember, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/members/{member}/remove", this::removeMember, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/assign", this::assign, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/members/{member}/households/{code}/release", this::release,
        Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/{team}/members/{member}/training", this::addTraining, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/teams/import", this::importRoster, Permission.WRITE_COMMUNE);
    new TeamExports(hub, pages).register(routes);
  }

  private void list(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    Coverage coverage = hub.teams.coverage(commune);
    model.put("coverage", coverage);
    List<Map<String, Object>> teams = new ArrayList<>();
    for (TeamSummary s : hub.teams.summaries(commune)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", s.team().id());
      row.put("name", s.team().name());
      row.put("village", s.team().villageName());
      row.put("leader", s.leaderName());
      row.put("members", String.valueOf(s.members()));
      row.put("trained", String.valueOf(s.trained()));
      row.put("lookedAfter", String.valueOf(s.lookedAfter()));
      row.put("area", String.valueOf(s.areaHouseholds()));
      teams.add(row);
    }
    model.put("teams", teams);
    model.put("hasTeams", !teams.isEmpty());
    int nobodyCount = coverage.households() - coverage.lookedAfter();
    model.put("nobodyCount", nobodyCount);
    model.put("nobody", hub.teams.lookedAfterByNobody(commune, NOBODY_SHOWN).stream().map(TeamRoutes::household).toList());
    model.put("more", nobodyCount > NOBODY_SHOWN);
    model.put("shown", NOBODY_SHOWN);
    model.put("villages", hub.teams.villages(commune).entrySet().stream()
        .map(v -> Map.of("id", v.getKey(), "name", v.getValue())).toList());
    pages.render(ctx, "teams", "teams.title", model);
  }

  /** A commune's register as the report pages show it (figures as text: a zero is shown, not hidden). */
  static Map<String, Object> reportLine(Coverage c) {
    return Map.of("teams", String.valueOf(c.teams()), "members", String.valueOf(c.members()),
        "trained", String.valueOf(c.trained()), "lookedAfter", String.valueOf(c.lookedAfter()),
        "households", String.valueOf(c.households()), "percent", vn.giadinhso.hub.report.ProvinceTable.percent(c.lookedAfterPercent()));
  }

  private static Map<String, Object> household(HouseholdRef h) {
    return Map.of("code", h.code(), "village", h.village(), "head", Attendance.mask(h.headName()));
  }

  private void createTeam(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    String village = Forms.text(ctx, "village");
    Team team = checked(ctx, () -> hub.teams.createTeam(commune, village.isEmpty() ? null : village, Forms.text(ctx, "name")));
    hub.audit.record(user.username(), commune, "team.created", String.valueOf(team.id()),
        team.name() + " · " + (team.villageName() == null ? "whole commune" : team.villageName()));
    ctx.redirect("/dashboard/c/" + commune + "/teams/" + team.id(), HttpStatus.SEE_OTHER);
  }

  /** The team in the path, of the commune in the path; 404 otherwise (another commune's team is not named). */
  private Team team(Context ctx, String commune) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("team"));
    } catch (NumberFormatException e) {
      id = -1;
    }
    return hub.teams.team(id).filter(t -> t.communeId().equals(commune))
        .orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND, pages.text(ctx, "team.notFound")));
  }

  private TeamMember member(Context ctx, Team team, String id) {
    long memberId;
    try {
      memberId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      memberId = -1;
    }
    return hub.teams.member(memberId).filter(m -> m.teamId() == team.id())
        .orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND, pages.text(ctx, "team.memberNotFound")));
  }

  private void page(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    // Phone numbers and sign-in accounts only for those who may change the commune (its staff).
    boolean staffOfCommune = hub.authorization.canWriteCommune(Pages.user(ctx), commune);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("teamId", team.id());
    model.put("village", team.villageName());
    List<TeamMember> members = hub.teams.members(team.id());
    Map<Long, List<HouseholdRef>> households = hub.teams.householdsOf(team.id());
    Map<Long, List<Training>> training = hub.teams.trainingsOf(team.id());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TeamMember m : members) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", m.id());
      row.put("name", m.fullName());
      row.put("roleName", pages.text(ctx, "teams.role." + m.role().name()));
      if (staffOfCommune) {
        row.put("phone", PhoneNumbers.display(m.phone()));
        row.put("username", m.username());
        row.put("roles", roles(ctx, m.role()));
      }
      row.put("households", households.getOrDefault(m.id(), List.of()).stream().map(h -> {
        Map<String, Object> item = new LinkedHashMap<>(household(h));
        item.put("memberId", m.id());
        return item;
      }).toList());
      row.put("training", training.getOrDefault(m.id(), List.of()).stream().map(t -> {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("course", t.course());
        item.put("date", t.takenOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        item.put("certificate", t.certificate());
        item.put("issuer", t.issuer());
        return item;
      }).toList());
      rows.add(row);
    }
    model.put("members", rows);
    model.put("hasMembers", !rows.isEmpty());
    model.put("memberChoices", members.stream().map(m -> Map.of("id", m.id(), "name", m.fullName())).toList());
    model.put("newRoles", roles(ctx, TeamRole.MEMBER));
    String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
    // As on the household search: an ID number is not a search term (it would sit in the address).
    if (!query.isEmpty() && staffOfCommune && !vn.giadinhso.protocol.IdNumberText.containsIdNumber(query)) {
      model.put("q", query);
      model.put("searched", true);
      model.put("hits", hub.teams.search(commune, query, SEARCH_HITS).stream().map(TeamRoutes::household).toList());
    }
    pages.render(ctx, "team", team.name(), model);
  }

  private List<Map<String, Object>> roles(Context ctx, TeamRole selected) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TeamRole role : TeamRole.values()) {
      out.add(Map.of("value", role.name(), "label", pages.text(ctx, "teams.role." + role.name()), "selected", role == selected));
    }
    return out;
  }

  private MemberDetails details(Context ctx) {
    return checked(ctx, () -> MemberDetails.of(Forms.text(ctx, "fullName"), Forms.text(ctx, "phone"),
        Forms.text(ctx, "role"), Forms.text(ctx, "username")));
  }

  private void addMember(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    MemberDetails details = details(ctx);
    TeamMember member = checked(ctx, () -> hub.teams.addMember(team, details));
    // As for households: the entry names the member by id (team/member), never by name or phone.
    hub.audit.record(Pages.user(ctx).username(), commune, "team.member.added", team.id() + "/" + member.id(),
        member.role() + (member.username() == null ? "" : " · account " + member.username()));
    backToTeam(ctx, commune, team);
  }

  private void editMember(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    TeamMember before = member(ctx, team, ctx.pathParam("member"));
    MemberDetails details = details(ctx);
    TeamMember after = checked(ctx, () -> hub.teams.updateMember(team, before, details));
    String changes = (before.fullName().equals(after.fullName()) ? "" : "name changed; ")
        + change("role", before.role().name(), after.role().name())
        + (before.phone().equals(after.phone()) ? "" : "phone changed; ")
        + change("account", String.valueOf(before.username()), String.valueOf(after.username()));
    if (!changes.isEmpty()) {
      hub.audit.record(Pages.user(ctx).username(), commune, "team.member.edited", team.id() + "/" + before.id(), changes);
    }
    backToTeam(ctx, commune, team);
  }

  private static String change(String field, String before, String after) {
    return before.equals(after) ? "" : field + ": " + before + " → " + after + "; ";
  }

  private void removeMember(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    TeamMember member = member(ctx, team, ctx.pathParam("member"));
    if (!"yes".equals(Forms.text(ctx, "confirm"))) {
      throw DashboardError.badInput(pages.text(ctx, "teams.error.confirm"));
    }
    int households = hub.teams.householdsOf(team.id()).getOrDefault(member.id(), List.of()).size();
    hub.teams.removeMember(member);
    hub.audit.record(Pages.user(ctx).username(), commune, "team.member.removed", team.id() + "/" + member.id(),
        member.role() + "; " + households + " household(s) no longer looked after by them");
    backToTeam(ctx, commune, team);
  }

  private void assign(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    TeamMember member = member(ctx, team, Forms.text(ctx, "member"));
    String code = Forms.text(ctx, "code").toUpperCase(java.util.Locale.ROOT);
    if (checked(ctx, () -> hub.teams.assign(team, member, code))) {
      hub.audit.record(Pages.user(ctx).username(), commune, "team.household.assigned", team.id() + "/" + member.id(),
          "looks after " + code);
    }
    backToTeam(ctx, commune, team);
  }

  private void release(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    TeamMember member = member(ctx, team, ctx.pathParam("member"));
    String code = ctx.pathParam("code");
    if (hub.teams.release(member, code)) {
      hub.audit.record(Pages.user(ctx).username(), commune, "team.household.released", team.id() + "/" + member.id(),
          "no longer looks after " + code);
    }
    backToTeam(ctx, commune, team);
  }

  private void addTraining(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Team team = team(ctx, commune);
    TeamMember member = member(ctx, team, ctx.pathParam("member"));
    LocalDate today = LocalDate.now(hub.clock.withZone(Pages.VIETNAM));
    TrainingDetails details = checked(ctx, () -> TrainingDetails.of(Forms.text(ctx, "course"), Forms.text(ctx, "date"),
        Forms.text(ctx, "certificate"), Forms.text(ctx, "issuer"), today));
    Training training = hub.teams.addTraining(member, details);
    hub.audit.record(Pages.user(ctx).username(), commune, "team.training.recorded", team.id() + "/" + member.id(),
        training.course() + " · " + training.takenOn()
            + (training.certificate() == null ? "" : " · certificate " + training.certificate())
            + (training.issuer() == null ? "" : " · " + training.issuer()));
    backToTeam(ctx, commune, team);
  }

  /**
   * A roster of members from a CSV file ({@link vn.giadinhso.hub.teams.TeamRosterCsv}): rows the
   * rules accept are added, the others listed by line and rule (never their cells).
   */
  private void importRoster(Context ctx) throws java.io.IOException {
    String commune = DashboardAccess.commune(ctx);
    io.javalin.http.UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw DashboardError.badInput(pages.text(ctx, "roster.error.noFile"));
    }
    if (file.size() > RosterRoutes.MAX_FILE) {
      throw new DashboardError(HttpStatus.CONTENT_TOO_LARGE,
          pages.text(ctx, "roster.error.tooLarge", RosterRoutes.MAX_FILE / 1024 / 1024));
    }
    String text;
    try (java.io.InputStream in = file.content()) {
      // Strictly UTF-8, as the household roster: Excel's "CSV" (Windows-1258) would garble names.
      text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw DashboardError.badInput(pages.text(ctx, "roster.error.notUtf8"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    var outcome = new vn.giadinhso.hub.teams.TeamRosterCsv(hub.teams).run(commune, new java.io.StringReader(text));
    hub.audit.record(Pages.user(ctx).username(), commune, "team.roster.imported", "csv",
        outcome.added() + " member(s) added, " + outcome.unchanged() + " unchanged, " + outcome.teamsCreated()
            + " team(s) created, " + outcome.rejections().size() + " row(s) refused");
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("added", String.valueOf(outcome.added()));
    model.put("unchanged", String.valueOf(outcome.unchanged()));
    model.put("teamsCreated", String.valueOf(outcome.teamsCreated()));
    model.put("rejections", outcome.rejections().stream().map(r -> Map.of("line", r.line(),
        "reason", pages.text(ctx, "teams.error." + r.kind(), pages.nameOr(ctx, "teams.field." + r.detail(), r.detail()))))
        .toList());
    model.put("hasRejections", !outcome.rejections().isEmpty());
    pages.render(ctx, "teams-import", "teams.import.title", model);
  }

  private static void backToTeam(Context ctx, String commune, Team team) {
    ctx.redirect("/dashboard/c/" + commune + "/teams/" + team.id(), HttpStatus.SEE_OTHER);
  }

  /** Runs a change; a rule it breaks becomes a 400 page in the reader's language. */
  private <T> T checked(Context ctx, java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (TeamRejected e) {
      String detail = e.detail();
      String field = "teams.field." + detail;
      throw DashboardError.badInput(pages.text(ctx, "teams.error." + e.kind(),
          pages.nameOr(ctx, field, detail)));
    }
  }
}
