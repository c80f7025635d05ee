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
    routes.get("/dashboard", this::home, Permission.SIGNED_IN);
    routes.get("/dashboard/c/{commune}", this::commune, Permission.READ_COMMUNE);
    routes.get("/dashboard/api/me", ctx -> {
      StaffUser user = Pages.user(ctx);
      responses.ok(ctx, Map.of("username", user.username(), "role", user.role().name(),
          "commune", user.communeId() == null ? "" : user.communeId(), "communes", user.communes(),
          "province", user.provinceCode() == null ? "" : user.provinceCode()));
    }, Permission.SIGNED_IN);
  }

  /**
   * Staff (or a viewer) of one commune go straight to it; everyone else picks from the communes
   * they may read, grouped by province.
   */
  private void home(Context ctx) {
    StaffUser user = Pages.user(ctx);
    if (user.provinceCode() == null && user.communes().size() == 1) {
      ctx.redirect("/dashboard/c/" + user.communeId(), HttpStatus.SEE_OTHER);
      return;
    }
    var readable = hub.units.communes().stream().filter(c -> hub.authorization.canReadCommune(user, c.id())).toList();
    // Province pages the account may open: an admin every province, an officer or viewer of a province theirs.
    var provinces = hub.units.provinces().stream().filter(p -> hub.authorization.canReadProvince(user, p.code())).toList();
    pages.render(ctx, "home", "Bảng điều khiển · Dashboard", Map.of("communes", readable, "provinces", provinces,
        "hasProvinces", !provinces.isEmpty()));
  }

  private void commune(Context ctx) {
    String id = DashboardAccess.commune(ctx);
    Communes.Commune commune = communes.find(id).orElseThrow(() -> DashboardError.notFound("xã " + id));
    pages.render(ctx, "commune", commune.name(), Map.of("commune", commune, "navCommune", id));
  }
}
