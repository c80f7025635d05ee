package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.hub.dashboard.Communes;

/** Admins create accounts; admins and staff read the audit log (staff: their commune only). */
final class UserRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final Communes communes;

  UserRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
    this.communes = new Communes(hub.db);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/users", this::list);
    routes.post("/dashboard/users", this::create);
    routes.get("/dashboard/audit", this::audit);
  }

  private void list(Context ctx) {
    DashboardAccess.requireAdmin(ctx);
    pages.render(ctx, "users", "Tài khoản · Users", Map.of("users", hub.users.list(), "communes", communes.all()));
  }

  private void create(Context ctx) {
    StaffUser admin = DashboardAccess.requireAdmin(ctx);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
    UserStore.Role role = "ADMIN".equals(ctx.formParam("role")) ? UserStore.Role.ADMIN : UserStore.Role.STAFF;
    String commune = ctx.formParam("commune");
    if (role == UserStore.Role.STAFF && (commune == null || communes.find(commune).isEmpty())) {
      throw DashboardError.badInput("Chọn xã cho cán bộ · Choose the staff member's commune");
    }
    try {
      hub.users.create(username, Optional.ofNullable(ctx.formParam("password")).orElse(""), role, commune);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
    hub.audit.record(admin.username(), null, "user.created", username,
        role.name() + (role == UserStore.Role.STAFF ? " " + commune : ""));
    ctx.redirect("/dashboard/users", HttpStatus.SEE_OTHER);
  }

  private void audit(Context ctx) {
    StaffUser user = Pages.user(ctx);
    var entries = hub.audit.recent(user.isAdmin() ? null : user.communeId(), 200).stream()
        .map(e -> Map.of("at", Pages.dateTime(e.at()), "actor", e.actor(), "commune", e.communeId() == null ? "" : e.communeId(),
            "action", e.action(), "subject", e.subject(), "detail", e.detail() == null ? "" : e.detail()))
        .toList();
    pages.render(ctx, "audit", "Nhật ký thay đổi · Audit log", Map.of("entries", entries));
  }
}
