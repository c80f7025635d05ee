package vn.giadinhso.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.field.FieldBatchReader;
import vn.giadinhso.hub.field.FieldBatchRejected;
import vn.giadinhso.hub.field.FieldRecords;
import vn.giadinhso.hub.people.PeopleReports;

/**
 * The field app (issue 15): its files at {@code /field/} (open to all: they hold no personal data,
 * and the phone must be able to open them without signal) and its API at {@code /field/api/}, for
 * field accounts signed in with the dashboard's session cookie. A POST must carry the session's
 * CSRF token in {@code X-CSRF-Token} (the app reads it from {@code /field/api/me}), as the
 * dashboard's own JSON does; the cookie is SameSite=Strict besides (decision hub-028).
 */
final class FieldRoutes {
  static final String PREFIX = "/field/api/";
  /** The app's files and their types; anything else under /field/ is 404. */
  private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "webmanifest", "application/manifest+json", "svg", "image/svg+xml", "txt", "text/plain; charset=utf-8");

  private final HubApp hub;
  private final Responses responses;
  private final FieldBatchReader reader;

  FieldRoutes(HubApp hub, Responses responses, ObjectMapper json) {
    this.hub = hub;
    this.responses = responses;
    this.reader = new FieldBatchReader(json);
  }

  static boolean isApi(String path) {
    return path.startsWith(PREFIX);
  }

  void register(RoutesConfig routes) {
    // "/field" and "/field/" are one route (Javalin ignores a trailing slash); the page names its
    // files by absolute paths, so either address works.
    routes.get("/field/", ctx -> file(ctx, "index.html"));
    routes.get("/field/{file}", ctx -> file(ctx, ctx.pathParam("file")));
    routes.get("/field/vendor/{file}", ctx -> file(ctx, "vendor/" + ctx.pathParam("file")));
    routes.get(PREFIX + "me", this::me);
    routes.get(PREFIX + "roster", this::roster);
    routes.get(PREFIX + "without-vneid", this::withoutVneid);
    routes.get(PREFIX + "sessions", this::sessions);
    routes.post(PREFIX + "records", this::records);
  }

  private void file(Context ctx, String name) {
    String extension = name.substring(name.lastIndexOf('.') + 1);
    if (!name.matches("(vendor/)?[a-z0-9][a-z0-9.-]{0,60}") || !TYPES.containsKey(extension)) {
      throw new ApiError(HttpStatus.NOT_FOUND, "no such file in the field app");
    }
    try (InputStream in = FieldRoutes.class.getResourceAsStream("/web/field/" + name)) {
      if (in == null) {
        throw new ApiError(HttpStatus.NOT_FOUND, "no such file in the field app");
      }
      // Revalidated on every load while online (the service worker serves them offline), so a new
      // hub version reaches phones at their next visit with signal.
      ctx.contentType(TYPES.get(extension)).header("Cache-Control", "no-cache").result(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Who is signed in, with the token the app sends back on POSTs; 401 when nobody is. */
  record Me(String username, String communeId, List<String> villages, String csrf) {}

  private void me(Context ctx) {
    StaffSessions.Active session = session(ctx, false);
    StaffUser user = session.user();
    responses.ok(ctx, new Me(user.username(), user.communeId(), user.villages(), session.csrfToken()));
  }

  private void roster(Context ctx) {
    StaffUser user = session(ctx, false).user();
    responses.ok(ctx, hub.fieldRoster.of(user, hub.clock.instant()));
  }

  /** The list for action of a field account's villages, as of {@code generatedAt}. */
  record WithoutVneid(String communeId, java.time.Instant generatedAt, List<PeopleReports.Missing> members) {}

  /**
   * Members without VNeID level 2 in the team member's own villages only (masked, no birth year,
   * no hash), read by the same query as the commune's list so the two never disagree.
   */
  private void withoutVneid(Context ctx) {
    StaffUser user = session(ctx, false).user();
    String commune = user.communeId();
    List<PeopleReports.Missing> members = commune == null ? List.of()
        : hub.peopleReports.withoutVneid(commune, Optional.of(Set.copyOf(user.villages())));
    responses.ok(ctx, new WithoutVneid(commune, hub.clock.instant(), members));
  }

  /** Today's sessions of the account's commune, for attendance taken on the phone. */
  private void sessions(Context ctx) {
    StaffUser user = session(ctx, false).user();
    responses.ok(ctx, Map.of("sessions", hub.fieldSessions.today(user)));
  }

  private void records(Context ctx) {
    StaffUser user = session(ctx, true).user();
    try {
      var batch = reader.read(ctx.bodyAsBytes());
      FieldRecords.Saved saved = hub.fieldRecords.save(user, batch);
      if (!saved.stored().isEmpty()) {
        hub.audit.record(user.username(), user.communeId(), "field.records", user.username(),
            "stored " + saved.stored().size() + ", already had " + saved.alreadyHad().size());
      }
      responses.ok(ctx, saved);
    } catch (FieldBatchRejected e) {
      responses.error(ctx, switch (e.why()) {
        case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
        case FORBIDDEN -> HttpStatus.FORBIDDEN;
        case INVALID -> HttpStatus.BAD_REQUEST;
      }, e.getMessage());
    }
  }

  /**
   * The field account signed in on this browser. Personal data: never cached by the browser or a
   * proxy (the app keeps its own copy in IndexedDB).
   */
  private StaffSessions.Active session(Context ctx, boolean post) {
    ctx.header("Cache-Control", "no-store");
    StaffSessions.Active session = hub.staffSessions.find(ctx.cookie(DashboardAccess.COOKIE))
        .orElseThrow(() -> new ApiError(HttpStatus.UNAUTHORIZED, "sign in first"));
    if (!hub.authorization.canUseFieldApp(session.user())) {
      throw new ApiError(HttpStatus.FORBIDDEN, "the field app is for community technology team accounts");
    }
    if (session.mustChangePassword()) {
      throw new ApiError(HttpStatus.FORBIDDEN, "choose your own password first: " + DashboardAccess.CHANGE_PASSWORD_PAGE);
    }
    if (post && !StaffSessions.sameToken(session.csrfToken(), ctx.header("X-CSRF-Token"))) {
      throw new ApiError(HttpStatus.FORBIDDEN, "missing or stale X-CSRF-Token; read it again from " + PREFIX + "me");
    }
    return session;
  }
}
