package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.dashboard.HouseholdSearch;
import vn.giadinhso.hub.dashboard.SupportRequests;

/** The two queues staff work through: declarations to verify and support requests to handle. */
final class QueueRoutes {
  private final HubApp hub;
  private final Pages pages;

  QueueRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/declarations", this::declarations, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/requests", this::requests, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/requests/{id}", this::updateRequest, Permission.WRITE_COMMUNE);
  }

  /**
   * Declarations waiting, optionally narrowed by a search (household code, village or name; a
   * query holding an ID number finds nothing and is not echoed back). Each criterion by its name in
   * the reader's language, from the commune's criteria set.
   */
  private void declarations(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    CriteriaSet set = hub.criteria.active(commune)
        .orElseThrow(() -> DashboardError.of(HttpStatus.NOT_FOUND, "queues.error.noCriteriaSet"));
    boolean english = Pages.language(ctx) == Messages.Language.EN;
    String typed = java.util.Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
    if (typed.length() > 100) {
      typed = typed.substring(0, 100);
    }
    boolean refused = HouseholdSearch.holdsIdNumber(typed);
    String query = refused ? "" : typed;
    var pending = refused ? java.util.List.<vn.giadinhso.hub.dashboard.Declarations.Pending>of()
        : hub.declarations.queue(commune, query);
    var rows = pending.stream().map(p -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", p.householdCode());
      row.put("name", p.headName());
      row.put("village", p.village());
      row.put("criterion", p.criterionId());
      row.put("criterionName", set.criteria().stream().filter(c -> c.id().equals(p.criterionId())).findFirst()
          .map(c -> english && c.text().en() != null && !c.text().en().isBlank() ? c.text().en() : c.text().vi())
          .orElse(p.criterionId()));
      row.put("at", Pages.dateTime(p.at()));
      return row;
    }).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("rows", rows);
    model.put("count", rows.size());
    model.put("q", query);
    model.put("searched", !query.isEmpty() || refused);
    model.put("refused", refused);
    // Residents' declarations about themselves (issue 15), decided on PeopleRoutes.
    model.put("memberDeclarations", hub.memberDeclarations.pending(commune, null));
    pages.render(ctx, "declarations", "queues.declarations.title", model);
  }

  /** Support requests with their topic and state by name in the reader's language. */
  private void requests(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    var rows = hub.supportRequests.queue(commune).stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", r.id());
      row.put("at", Pages.dateTime(r.at()));
      row.put("topic", r.topic());
      row.put("topicName", pages.nameOr(ctx, "topic." + r.topic(), r.topic()));
      row.put("phone", r.phone() == null ? "" : r.phone());
      row.put("household", r.householdCode() == null ? "" : r.householdCode());
      row.put("village", r.village() == null ? "" : r.village());
      row.put("point", r.pointId());
      row.put("status", r.status().name());
      row.put("statusName", pages.text(ctx, "request." + r.status().name()));
      row.put("closed", r.status() == SupportRequests.Status.CLOSED);
      row.put("assignee", r.assignee() == null ? "" : r.assignee());
      row.put("note", r.note() == null ? "" : r.note());
      return row;
    }).toList();
    pages.render(ctx, "requests", "queues.requests.title",
        Map.of("commune", commune, "navCommune", commune, "rows", rows));
  }

  private void updateRequest(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportRequests.Request request = hub.supportRequests.find(commune, ctx.pathParam("id"))
        .orElseThrow(() -> DashboardError.of(HttpStatus.NOT_FOUND, "queues.error.noRequest"));
    String assignee = Forms.text(ctx, "assignee");
    SupportRequests.Status status;
    try {
      status = SupportRequests.Status.valueOf(Forms.text(ctx, "status"));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInputKey("queues.error.badStatus");
    }
    if (status == SupportRequests.Status.OPEN && !assignee.isEmpty()) {
      status = SupportRequests.Status.ASSIGNED;
    }
    String note = Forms.text(ctx, "note");
    hub.supportRequests.update(request.id(), status, assignee.isEmpty() ? null : assignee, note.isEmpty() ? null : note,
        user.username());
    hub.audit.record(user.username(), commune, "request." + status.name().toLowerCase(java.util.Locale.ROOT),
        request.id(), (assignee.isEmpty() ? "" : "→ " + assignee + " ") + note);
    ctx.redirect("/dashboard/c/" + commune + "/requests", HttpStatus.SEE_OTHER);
  }
}
