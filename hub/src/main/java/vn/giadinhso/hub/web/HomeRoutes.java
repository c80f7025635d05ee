package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.dashboard.Communes;

/** The dashboard's entry: admins pick a commune, staff go straight to theirs. */
final class HomeRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final Communes communes;
  private final Responses responses;

  HomeRoutes(HubApp hub, Pages pages, Responses responses) {
    this.hub = hub;
    this.pages = pages;
    this.responses = responses;
    this.communes = new Communes(hub.db);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard", this::home);
    routes.get("/dashboard/c/{commune}", this::commune);
    routes.get("/dashboard/api/me", ctx -> {
      StaffUser user = Pages.user(ctx);
      responses.ok(ctx, Map.of("username", user.username(), "role", user.role().name(),
          "commune", user.communeId() == null ? "" : user.communeId()));
    });
  }

  private void home(Context ctx) {
    StaffUser user = Pages.user(ctx);
    if (!user.isAdmin()) {
      ctx.redirect("/dashboard/c/" + user.communeId(), HttpStatus.SEE_OTHER);
      return;
    }
    pages.render(ctx, "home", "Bảng điều khiển · Dashboard", Map.of("communes", communes.all()));
  }

  private void commune(Context ctx) {
    String id = DashboardAccess.commune(ctx);
    Communes.Commune commune = communes.find(id).orElseThrow(() -> DashboardError.notFound("xã " + id));
    pages.render(ctx, "commune", commune.name(), Map.of("commune", commune, "navCommune", id));
  }
}
