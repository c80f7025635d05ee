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

/**
 * Admins create, disable and re-enable accounts; everyone changes their own password; admins and
 * staff read the audit log (staff: their commune only).
 */
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
    routes.post("/dashboard/users/{username}/disable", ctx -> setDisabled(ctx, true));
    routes.post("/dashboard/users/{username}/enable", ctx -> setDisabled(ctx, false));
    routes.get("/dashboard/account", this::account);
    routes.post("/dashboard/account/password", this::changePassword);
    routes.get("/dashboard/audit", this::audit);
  }

  private void list(Context ctx) {
    DashboardAccess.requireAdmin(ctx);
    var accounts = hub.users.accounts().stream().map(a -> Map.of("username", a.user().username(),
        "role", a.user().role().name(), "communeId", a.user().communeId() == null ? "" : a.user().communeId(),
        "disabled", a.disabled())).toList();
    pages.render(ctx, "users", "Tài khoản · Users", Map.of("users", accounts, "communes", communes.all()));
  }

  /** Disabling ends the account's sessions at once; an admin cannot disable their own account. */
  private void setDisabled(Context ctx, boolean disabled) {
    StaffUser admin = DashboardAccess.requireAdmin(ctx);
    String username = ctx.pathParam("username");
    StaffUser target = hub.users.find(username).orElseThrow(() -> DashboardError.notFound("tài khoản"));
    if (disabled && target.username().equals(admin.username())) {
      throw DashboardError.badInput("Không thể tự khoá tài khoản của mình · You cannot disable your own account");
    }
    hub.users.setDisabled(target.username(), disabled);
    hub.audit.record(admin.username(), target.communeId(), disabled ? "user.disabled" : "user.enabled",
        target.username(), null);
    ctx.redirect("/dashboard/users", HttpStatus.SEE_OTHER);
  }

  private void account(Context ctx) {
    Pages.user(ctx);
    pages.render(ctx, "account", "Đổi mật khẩu · Change password",
        Map.of("changed", ctx.queryParam("changed") != null));
  }

  /**
   * Every session of the account ends (a stolen cookie with it); this browser gets a fresh one so
   * whoever changed the password stays signed in.
   */
  private void changePassword(Context ctx) {
    StaffUser user = Pages.user(ctx);
    String current = Optional.ofNullable(ctx.formParam("current")).orElse("");
    String next = Optional.ofNullable(ctx.formParam("password")).orElse("");
    if (!next.equals(Optional.ofNullable(ctx.formParam("confirm")).orElse(""))) {
      throw DashboardError.badInput("Hai lần nhập mật khẩu mới không khớp · The new passwords do not match");
    }
    try {
      hub.users.changePassword(user.username(), current, next);
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput("Không đổi được mật khẩu: " + e.getMessage() + " · Password not changed");
    } catch (vn.giadinhso.hub.auth.PasswordHashing.Busy e) {
      throw new DashboardError(HttpStatus.SERVICE_UNAVAILABLE,
          "Máy chủ đang bận, hãy thử lại sau vài giây · The hub is busy, try again in a few seconds");
    }
    hub.audit.record(user.username(), user.communeId(), "user.password_changed", user.username(), "other sessions ended");
    var session = hub.staffSessions.open(user);
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, session.cookieValue(),
        vn.giadinhso.hub.auth.StaffSessions.LIFETIME.toSeconds());
    ctx.redirect("/dashboard/account?changed", HttpStatus.SEE_OTHER);
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
