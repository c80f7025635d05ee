package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;

/** Sign in and out. The login form carries its own CSRF token (double-submit cookie): no session exists yet. */
final class LoginRoutes {
  static final String LOGIN_CSRF_COOKIE = "gds_login_csrf";

  private final HubApp hub;
  private final Pages pages;

  LoginRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.redirect("/dashboard"));
    routes.get("/login", this::form);
    routes.post("/login", this::login);
    routes.post("/logout", this::logout);
  }

  private void form(Context ctx) {
    showForm(ctx, null, HttpStatus.OK);
  }

  private void showForm(Context ctx, String error, HttpStatus status) {
    String token = hub.staffSessions.randomToken();
    DashboardAccess.setCookie(ctx, LOGIN_CSRF_COOKIE, token, 3600);
    ctx.attribute("csrfLogin", token);
    ctx.status(status);
    pages.render(ctx, "login", "Đăng nhập · Sign in", error == null ? Map.of() : Map.of("error", error));
  }

  private void login(Context ctx) {
    String cookieToken = ctx.cookie(LOGIN_CSRF_COOKIE);
    if (cookieToken == null || !StaffSessions.sameToken(cookieToken, ctx.formParam(DashboardAccess.CSRF_FIELD))) {
      throw new DashboardError(HttpStatus.FORBIDDEN,
          "Biểu mẫu đăng nhập đã hết hạn, hãy tải lại trang · Login form expired (CSRF), reload the page");
    }
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase(java.util.Locale.ROOT);
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    Duration wait = hub.loginThrottle.waitBefore(username, ctx.ip());
    if (!wait.isZero()) {
      showForm(ctx, "Quá nhiều lần đăng nhập sai. Thử lại sau " + (wait.toMinutes() + 1)
          + " phút · Too many failed logins, try again later", HttpStatus.TOO_MANY_REQUESTS);
      return;
    }
    Optional<StaffUser> user = hub.users.authenticate(username, password);
    if (user.isEmpty()) {
      hub.loginThrottle.failed(username, ctx.ip());
      showForm(ctx, "Sai tên đăng nhập hoặc mật khẩu · Wrong username or password", HttpStatus.UNAUTHORIZED);
      return;
    }
    hub.loginThrottle.succeeded(username);
    StaffSessions.Opened session = hub.staffSessions.open(user.get());
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, session.cookieValue(), StaffSessions.LIFETIME.toSeconds());
    DashboardAccess.setCookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
    ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    hub.staffSessions.close(ctx.cookie(DashboardAccess.COOKIE));
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, "", 0);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }
}
