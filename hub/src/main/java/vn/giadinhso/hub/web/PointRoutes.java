package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.schedule.PointIds;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/**
 * Support points administered in the browser: create (on the schedule page), edit and retire (on
 * the point's page). Retiring keeps the point and its history; see {@link
 * vn.giadinhso.hub.schedule.Schedules#retire}. Every change is audited.
 */
final class PointRoutes {
  static final int MAX_TEXT = 200;
  static final int MAX_MINIMUM = 31;

  private final HubApp hub;
  private final Pages pages;

  PointRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.post("/dashboard/c/{commune}/points", this::create, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/points/{point}/edit", this::edit, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/points/{point}/retire", this::retire, Permission.WRITE_COMMUNE);
  }

  /** What the point form carries, checked. */
  private record Details(String name, String place, String hours, int minimum, boolean mobile) {}

  private Details details(Context ctx) {
    String name = required(ctx, "name", "point.field.name");
    String place = required(ctx, "place", "point.field.place");
    String hours = Forms.text(ctx, "hours");
    if (hours.length() > MAX_TEXT) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.tooLong", pages.text(ctx, "point.field.hours")));
    }
    int minimum;
    try {
      minimum = Integer.parseInt(Forms.text(ctx, "minimum"));
    } catch (NumberFormatException e) {
      minimum = -1;
    }
    if (minimum < 0 || minimum > MAX_MINIMUM) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.minimum", MAX_MINIMUM));
    }
    for (String text : List.of(name, place, hours)) {
      // Points are synced to kiosks and shown on screens: no ID number in them.
      if (vn.giadinhso.protocol.IdNumberText.containsIdNumber(text)) {
        throw DashboardError.badInput(pages.text(ctx, "point.error.idNumber"));
      }
    }
    return new Details(name, place, hours, minimum, "yes".equals(Forms.text(ctx, "mobile")));
  }

  private String required(Context ctx, String field, String label) {
    String value = Forms.text(ctx, field);
    if (value.isEmpty()) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.missing", pages.text(ctx, label)));
    }
    if (value.length() > MAX_TEXT) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.tooLong", pages.text(ctx, label)));
    }
    return value;
  }

  private SupportPoint point(Context ctx, String commune) {
    return hub.schedule.point(ctx.pathParam("point")).filter(p -> p.communeId().equals(commune))
        .orElseThrow(() -> new DashboardError(HttpStatus.NOT_FOUND, pages.text(ctx, "point.notFound")));
  }

  private void create(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    Details d = details(ctx);
    String id = PointIds.fresh(commune, d.name(), candidate -> hub.schedule.point(candidate).isPresent());
    SupportPoint point = new SupportPoint(id, commune, d.name(), d.place(), d.minimum(), d.hours(), null, d.mobile());
    hub.schedule.savePoint(point);
    hub.audit.record(user.username(), commune, "point.created", id,
        d.name() + " · " + d.place() + " · " + d.hours() + " · min " + d.minimum() + (d.mobile() ? " · mobile" : ""));
    ctx.redirect("/dashboard/c/" + commune + "/points/" + id, HttpStatus.SEE_OTHER);
  }

  private void edit(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportPoint old = point(ctx, commune);
    if (old.retired()) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.retired"));
    }
    Details d = details(ctx);
    hub.schedule.savePoint(new SupportPoint(old.id(), commune, d.name(), d.place(), d.minimum(), d.hours(), null,
        d.mobile()));
    hub.audit.record(user.username(), commune, "point.edited", old.id(),
        change("name", old.name(), d.name()) + change("place", old.place(), d.place())
            + change("hours", old.openingHours(), d.hours())
            + change("min", String.valueOf(old.minSessionsPerMonth()), String.valueOf(d.minimum()))
            + change("mobile", String.valueOf(old.mobile()), String.valueOf(d.mobile())));
    ctx.redirect("/dashboard/c/" + commune + "/points/" + old.id(), HttpStatus.SEE_OTHER);
  }

  private static String change(String field, String before, String after) {
    return before.equals(after) ? "" : field + ": " + before + " → " + after + "; ";
  }

  private void retire(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportPoint point = point(ctx, commune);
    if (point.retired()) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.retired"));
    }
    if (!"yes".equals(Forms.text(ctx, "confirm"))) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.confirm"));
    }
    List<Session> cancelled = hub.schedules.retire(point);
    hub.audit.record(user.username(), commune, "point.retired", point.id(),
        point.name() + "; " + cancelled.size() + " planned session(s) cancelled");
    ctx.redirect("/dashboard/c/" + commune + "/points/" + point.id(), HttpStatus.SEE_OTHER);
  }
}
