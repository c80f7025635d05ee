package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import vn.giadinhso.hub.auth.Authorization;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;

/**
 * The gate in front of every dashboard route: a valid session cookie and a CSRF token on every
 * POST (before any route matches), then the route's declared {@link Permission} for this account
 * (once it has matched). Runs as before-handlers so a new route cannot forget it.
 */
final class DashboardAccess {
  static final String SESSION = "gds.session";
  static final String COOKIE = "gds_session";
  static final String CSRF_FIELD = "_csrf";
  /** The longest text one form field may carry (a note, an assignee…): a few kilobytes of UTF-8. */
  static final int MAX_FIELD_BYTES = 4096;
  /**
   * Only the hub's own files: no inline script or style (the templates have none; charts are
   * inline SVG markup, the enrolment QR a data: image), and no page of the dashboard framed.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final StaffSessions sessions;
  private final Authorization authorization;

  DashboardAccess(StaffSessions sessions, Authorization authorization) {
    this.sessions = sessions;
    this.authorization = authorization;
  }

  static boolean isDashboard(String path) {
    return path.equals("/dashboard") || path.startsWith("/dashboard/") || path.equals("/logout");
  }

  static boolean isApi(String path) {
    return path.startsWith("/dashboard/api/");
  }

  /** Every response outside the kiosk API (/api/): pages, login, static files, errors. */
  static void securityHeaders(Context ctx) {
    if (ctx.path().startsWith("/api/")) {
      return;
    }
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
  }

  void check(Context ctx) {
    if (!isDashboard(ctx.path())) {
      return;
    }
    // Pages that show personal data must not be kept by shared browsers or proxies.
    ctx.header("Cache-Control", "no-store");
    StaffSessions.Active session = sessions.find(ctx.cookie(COOKIE)).orElseThrow(NotSignedIn::new);
    if (ctx.method().name().equals("POST")) {
      String given = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam(CSRF_FIELD));
      if (!StaffSessions.sameToken(session.csrfToken(), given)) {
        throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.csrf");
      }
      refuseLongFields(ctx);
    }
    ctx.attribute(SESSION, session);
    if (session.mustChangePassword() && !openBeforePasswordChange(ctx)) {
      throw new PasswordChangeRequired();
    }
  }

  /** Where the account's own password is changed; the one page a one-time password opens. */
  static final String CHANGE_PASSWORD_PAGE = "/dashboard/account";

  /**
   * What an account signed in with a one-time password may reach before it has chosen its own:
   * the change-password form, its submission, and signing out.
   */
  private static boolean openBeforePasswordChange(Context ctx) {
    String method = ctx.method().name();
    String path = ctx.path();
    return method.equals("GET") && path.equals(CHANGE_PASSWORD_PAGE)
        || method.equals("POST") && (path.equals("/dashboard/account/password") || path.equals("/logout"));
  }

  /** A signed-in account that must first replace its one-time password: pages redirect, the API answers 403. */
  static final class PasswordChangeRequired extends RuntimeException {
    PasswordChangeRequired() {
      super("password change required", null, false, false);
    }
  }

  /**
   * Refuses the whole form when one field is longer than {@link #MAX_FIELD_BYTES}, before any
   * route stores anything: a note is a few lines, not a document (or a flood of the audit log).
   */
  private static void refuseLongFields(Context ctx) {
    for (var field : ctx.formParamMap().entrySet()) {
      for (String value : field.getValue()) {
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_FIELD_BYTES) {
          String name = field.getKey().matches("[a-z_]{1,20}") ? " (" + field.getKey() + ")" : "";
          throw DashboardError.badInputKey("accounts.error.tooLong", name);
        }
      }
    }
  }

  /**
   * The one authorisation check: runs once a dashboard route has matched, with the route's
   * declared {@link Permission}, before its handler. A dashboard route that declares none is
   * refused: forgetting to declare fails closed.
   */
  void authorize(Context ctx) {
    if (!isDashboard(ctx.path())) {
      return;
    }
    StaffUser user = Pages.user(ctx);
    var declared = ctx.routeRoles();
    if (declared.size() != 1 || !(declared.iterator().next() instanceof Permission permission)) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.noPermissionDeclared");
    }
    boolean allowed = switch (permission) {
      case SIGNED_IN -> authorization.canUseDashboard(user);
      case OWN_ACCOUNT -> true;
      case READ_COMMUNE -> authorization.canReadCommune(user, ctx.pathParam("commune"));
      case WRITE_COMMUNE -> authorization.canWriteCommune(user, ctx.pathParam("commune"));
      case ENROL_KIOSK -> authorization.canEnrolKiosk(user) && authorization.canWriteCommune(user, ctx.pathParam("commune"));
      case READ_PROVINCE -> authorization.canReadProvince(user, ctx.pathParam("province"));
      case MANAGE_ACCOUNTS -> authorization.canManageAccounts(user);
      case MANAGE_UNITS -> authorization.canManageUnits(user);
      case PUBLISH_LESSONS -> authorization.canPublishLessons(user);
    };
    if (!allowed) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, switch (permission) {
        case READ_COMMUNE -> "accounts.error.readCommune";
        case WRITE_COMMUNE, ENROL_KIOSK -> authorization.canWriteCommune(user, ctx.pathParam("commune"))
            ? "accounts.error.adminsOnly" : "accounts.error.writeCommune";
        case READ_PROVINCE -> "accounts.error.readProvince";
        case MANAGE_ACCOUNTS -> "accounts.error.manageAccounts";
        case SIGNED_IN -> "accounts.error.fieldAppOnly";
        default -> "accounts.error.adminsOnly";
      });
    }
    ctx.attribute(AUTHORIZED, permission);
  }

  static final String AUTHORIZED = "gds.authorized";

  /** The commune named in the path; the gate has checked it against the route's permission. */
  static String commune(Context ctx) {
    Permission checked = ctx.attribute(AUTHORIZED);
    if (checked == null) {
      throw DashboardError.of(HttpStatus.FORBIDDEN, "accounts.error.readCommune");
    }
    return ctx.pathParam("commune");
  }

  /** Secure + HttpOnly + SameSite=Strict: no script reads it, no other site sends it. */
  static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
    ctx.addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
        + "; Secure; HttpOnly; SameSite=Strict");
  }
}
