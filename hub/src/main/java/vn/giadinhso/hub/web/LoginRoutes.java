package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.LoginThrottle;
import vn.giadinhso.hub.auth.PasswordHashing;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.auth.UserStore;
import vn.giadinhso.protocol.IdNumberText;

/**
 * Sign in and out. The login form carries its own CSRF token (double-submit cookie): no session
 * exists yet. Each attempt passes the throttle (counted before any hashing) and then the hashing
 * gate; sign-ins, failed sign-ins (the name typed, never the password) and sign-outs are audited.
 */
final class LoginRoutes {
  static final String LOGIN_CSRF_COOKIE = "gds_login_csrf";

  private final HubApp hub;
  private final Pages pages;
  private final ClientAddress clientAddress;

  LoginRoutes(HubApp hub, Pages pages, ClientAddress clientAddress) {
    this.hub = hub;
    this.pages = pages;
    this.clientAddress = clientAddress;
  }

  void register(RoutesConfig routes) {
    routes.get("/", ctx -> ctx.redirect("/dashboard"));
    routes.get("/login", this::form);
    routes.post("/login", this::login);
    routes.post("/logout", this::logout, Permission.OWN_ACCOUNT);
  }

  private void form(Context ctx) {
    showForm(ctx, null, HttpStatus.OK);
  }

  private void showForm(Context ctx, String error, HttpStatus status) {
    String token = hub.staffSessions.randomToken();
    DashboardAccess.setCookie(ctx, LOGIN_CSRF_COOKIE, token, 3600);
    ctx.attribute("csrfLogin", token);
    ctx.status(status);
    pages.render(ctx, "login", "accounts.login.title", error == null ? Map.of() : Map.of("error", error));
  }

  private void login(Context ctx) {
    String cookieToken = ctx.cookie(LOGIN_CSRF_COOKIE);
    if (cookieToken == null || !StaffSessions.sameToken(cookieToken, ctx.formParam(DashboardAccess.CSRF_FIELD))) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.loginCsrf");
    }
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").trim().toLowerCase(Locale.ROOT);
    String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
    String address = clientAddress.of(ctx);
    LoginThrottle.Decision decision = hub.loginThrottle.attempt(username, address);
    if (!decision.admitted()) {
      long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      showForm(ctx, pages.text(ctx, "accounts.login.throttled", seconds), HttpStatus.TOO_MANY_REQUESTS);
      return;
    }
    Optional<StaffUser> user;
    try {
      user = hub.users.authenticate(username, password);
    } catch (PasswordHashing.Busy e) {
      hub.loginThrottle.notChecked(decision.ticket());
      ctx.header("Retry-After", "5");
      showForm(ctx, pages.text(ctx, "accounts.error.busy"), HttpStatus.SERVICE_UNAVAILABLE);
      return;
    }
    if (user.isEmpty()) {
      String typed = auditableName(username);
      hub.audit.record(typed, hub.users.find(username).map(StaffUser::communeId).orElse(null), "login.failed", typed,
          "from " + address);
      showForm(ctx, pages.text(ctx, "accounts.login.wrong"), HttpStatus.UNAUTHORIZED);
      return;
    }
    hub.loginThrottle.succeeded(decision.ticket());
    // A password someone else chose (a reset, a new account) opens only the change-password page.
    boolean oneTime = hub.users.activeAccount(user.get().username()).map(UserStore.Account::mustChangePassword)
        .orElse(false);
    hub.audit.record(user.get().username(), user.get().communeId(), "login", user.get().username(),
        "from " + address + (oneTime ? "; one-time password: must choose a new one" : ""));
    StaffSessions.Opened session = hub.staffSessions.open(user.get());
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, session.cookieValue(), StaffSessions.LIFETIME.toSeconds());
    DashboardAccess.setCookie(ctx, LOGIN_CSRF_COOKIE, "", 0);
    // A field team member's place is the field app; the dashboard shows it only its own account.
    String home = hub.authorization.canUseDashboard(user.get()) ? "/dashboard" : "/field/";
    ctx.redirect(oneTime ? DashboardAccess.CHANGE_PASSWORD_PAGE : home, HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    hub.staffSessions.close(ctx.cookie(DashboardAccess.COOKIE));
    if (session != null) {
      hub.audit.record(session.user().username(), session.user().communeId(), "logout", session.user().username(),
          "from " + clientAddress.of(ctx));
    }
    DashboardAccess.setCookie(ctx, DashboardAccess.COOKIE, "", 0);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  /**
   * The name typed, for the audit log, when it could be a user name. Anything else (a password
   * typed into the wrong field, an ID number) is not written down.
   */
  static String auditableName(String typed) {
    // IdNumberText too: '.', '-' and '_' are allowed in names, so 052.190.012.345 passes the digit-run check.
    return UserStore.isUsername(typed) && !typed.matches(".*\\d{6,}.*") && !IdNumberText.containsIdNumber(typed)
        ? typed : "(tên không hợp lệ · not a user name)";
  }
}
