package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import vn.giadinhso.hub.HubApp;

/** Registers the staff dashboard: the access gate first, then each feature's routes. */
final class Dashboard {
  private final HubApp hub;
  private final Responses responses;
  private final Pages pages;
  private final java.net.URI publicUrl;
  private final ClientAddress clientAddress;

  Dashboard(HubApp hub, Responses responses, java.net.URI publicUrl, ClientAddress clientAddress) {
    this.hub = hub;
    this.responses = responses;
    this.pages = new Pages(hub.authorization, new Messages());
    this.publicUrl = publicUrl;
    this.clientAddress = clientAddress;
  }

  void register(RoutesConfig routes) {
    DashboardAccess access = new DashboardAccess(hub.staffSessions, hub.authorization);
    routes.before(DashboardAccess::securityHeaders);
    routes.before(access::check);
    routes.beforeMatched(access::authorize);
    routes.get("/static/{file}", ctx -> {
      String file = ctx.pathParam("file");
      if (!file.matches("[a-z0-9-]+\\.(css|js)")) {
        throw DashboardError.notFound("errors.notFound.file", file);
      }
      try (InputStream in = Dashboard.class.getResourceAsStream("/web/static/" + file)) {
        if (in == null) {
          throw DashboardError.notFound("errors.notFound.file", file);
        }
        ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
            .header("Cache-Control", "max-age=3600").result(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    routes.get("/language/{code}", Dashboard::switchLanguage);
    new LoginRoutes(hub, pages, clientAddress).register(routes);
    new HomeRoutes(hub, pages, responses).register(routes);
    new UserRoutes(hub, pages).register(routes);
    new UnitRoutes(hub, pages).register(routes);
    new ScheduleRoutes(hub, pages, new vn.giadinhso.hub.dashboard.Attendance(hub.db)).register(routes);
    new PointRoutes(hub, pages).register(routes);
    new HouseholdRoutes(hub, pages).register(routes);
    new RosterRoutes(hub, pages).register(routes);
    new HouseholdEditRoutes(hub, pages).register(routes);
    new TeamRoutes(hub, pages).register(routes);
    new QueueRoutes(hub, pages).register(routes);
    new PeopleRoutes(hub, pages).register(routes);
    new KioskRoutes(hub, pages, publicUrl).register(routes);
    new ReportRoutes(hub, pages, responses).register(routes);
    new ProvinceRoutes(hub, pages).register(routes);
    new CriteriaRoutes(hub, pages).register(routes);
    new LessonRoutes(hub, pages).register(routes);

    routes.exception(NotSignedIn.class, (e, ctx) -> {
      if (DashboardAccess.isApi(ctx.path())) {
        responses.error(ctx, HttpStatus.UNAUTHORIZED, "sign in first");
      } else {
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
      }
    });
    routes.exception(DashboardAccess.PasswordChangeRequired.class, (e, ctx) -> {
      if (DashboardAccess.isApi(ctx.path())) {
        responses.error(ctx, HttpStatus.FORBIDDEN, pages.text(ctx, "accounts.error.mustChangePassword"));
      } else {
        ctx.redirect(DashboardAccess.CHANGE_PASSWORD_PAGE, HttpStatus.SEE_OTHER);
      }
    });
    routes.exception(DashboardError.class, (e, ctx) -> {
      if (DashboardAccess.isApi(ctx.path())) {
        responses.error(ctx, e.status(), e.message(pages, ctx));
      } else {
        errorPage(ctx, e.status(), e.message(pages, ctx));
      }
    });
  }

  /**
   * Sets the reader's language for a year and goes back to the page the switch was on. Open to
   * everyone (the sign-in page has the switch too); only a path on this hub is followed back.
   */
  private static void switchLanguage(io.javalin.http.Context ctx) {
    Messages.Language language = Messages.Language.of(ctx.pathParam("code"));
    DashboardAccess.setCookie(ctx, Pages.LANGUAGE_COOKIE, language.code, 365L * 24 * 3600);
    String back = ctx.queryParam("back");
    boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
    ctx.redirect(local ? back : "/dashboard", HttpStatus.SEE_OTHER);
  }

  /** A dashboard 404 (no such page) is a page in the dashboard's layout, not JSON. */
  void notFound(io.javalin.http.Context ctx) {
    errorPage(ctx, HttpStatus.NOT_FOUND, pages.text(ctx, "accounts.error.pageNotFound"));
  }

  private void errorPage(io.javalin.http.Context ctx, HttpStatus status, String message) {
    ctx.status(status);
    pages.render(ctx, "error", "accounts.error.title", Map.of("message", message, "status", status.getCode()));
  }
}
