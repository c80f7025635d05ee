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
    this.pages = new Pages(hub.authorization);
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
        throw DashboardError.notFound(file);
      }
      try (InputStream in = Dashboard.class.getResourceAsStream("/web/static/" + file)) {
        if (in == null) {
          throw DashboardError.notFound(file);
        }
        ctx.contentType(file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8")
            .header("Cache-Control", "max-age=3600").result(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    new LoginRoutes(hub, pages, clientAddress).register(routes);
    new HomeRoutes(hub, pages, responses).register(routes);
    new UserRoutes(hub, pages).register(routes);
    new UnitRoutes(hub, pages).register(routes);
    new ScheduleRoutes(hub, pages, new vn.giadinhso.hub.dashboard.Attendance(hub.db)).register(routes);
    new HouseholdRoutes(hub, pages).register(routes);
    new QueueRoutes(hub, pages).register(routes);
    new KioskRoutes(hub, pages, publicUrl).register(routes);
    new ReportRoutes(hub, pages, responses).register(routes);
    new ProvinceRoutes(hub, pages).register(routes);

    routes.exception(NotSignedIn.class, (e, ctx) -> {
      if (DashboardAccess.isApi(ctx.path())) {
        responses.error(ctx, HttpStatus.UNAUTHORIZED, "sign in first");
      } else {
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
      }
    });
    routes.exception(DashboardError.class, (e, ctx) -> {
      if (DashboardAccess.isApi(ctx.path())) {
        responses.error(ctx, e.status(), e.getMessage());
      } else {
        errorPage(ctx, e.status(), e.getMessage());
      }
    });
  }

  /** A dashboard 404 (no such page) is a page in the dashboard's layout, not JSON. */
  void notFound(io.javalin.http.Context ctx) {
    errorPage(ctx, HttpStatus.NOT_FOUND, "Không tìm thấy trang này · Page not found");
  }

  private void errorPage(io.javalin.http.Context ctx, HttpStatus status, String message) {
    ctx.status(status);
    pages.render(ctx, "error", "Lỗi · Error", Map.of("message", message, "status", status.getCode()));
  }
}
