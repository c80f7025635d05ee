package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;

/**
 * The gate in front of every dashboard route: a valid session cookie, a CSRF token on every POST,
 * and the commune in the path belonging to the user. Runs as a before-handler so a new route
 * cannot forget it.
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

  DashboardAccess(StaffSessions sessions) {
    this.sessions = sessions;
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
        throw new DashboardError(HttpStatus.FORBIDDEN,
            "Biểu mẫu đã hết hạn hoặc không hợp lệ, hãy tải lại trang · Form expired or invalid (CSRF), reload the page");
      }
      refuseLongFields(ctx);
    }
    ctx.attribute(SESSION, session);
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
          throw DashboardError.badInput("Nội dung quá dài" + name + ": tối đa 4 KB (khoảng 1.500 chữ có dấu); chưa lưu gì · "
              + "Text too long" + name + ": at most 4 KB; nothing was saved");
        }
      }
    }
  }

  /** The commune named in the path, after checking the user may see it. */
  static String commune(Context ctx) {
    String commune = ctx.pathParam("commune");
    StaffUser user = Pages.user(ctx);
    if (!user.canSee(commune)) {
      throw new DashboardError(HttpStatus.FORBIDDEN,
          "Bạn không có quyền xem xã này · You may not see this commune");
    }
    return commune;
  }

  static StaffUser requireAdmin(Context ctx) {
    StaffUser user = Pages.user(ctx);
    if (!user.isAdmin()) {
      throw new DashboardError(HttpStatus.FORBIDDEN, "Chỉ quản trị viên · Admins only");
    }
    return user;
  }

  /** Secure + HttpOnly + SameSite=Strict: no script reads it, no other site sends it. */
  static void setCookie(Context ctx, String name, String value, long maxAgeSeconds) {
    ctx.addHeader("Set-Cookie", name + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
        + "; Secure; HttpOnly; SameSite=Strict");
  }
}
