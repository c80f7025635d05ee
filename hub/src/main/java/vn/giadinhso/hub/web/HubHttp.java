package vn.giadinhso.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Instant;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.Json;

/** Builds the hub's HTTP app. Start it on port 0 in tests and call it over real HTTP. */
public final class HubHttp {
  record Health(String status, String version, Instant time) {}

  private HubHttp() {}

  public static Javalin create(HubApp hub, String version) {
    return create(hub, version, null);
  }

  /**
   * @param publicUrl the hub's address as kiosks reach it (e.g. https://hub.xa-antuong.vn), put
   *     into enrolment QR codes so a kiosk learns it by a scan; null when not configured
   */
  public static Javalin create(HubApp hub, String version, URI publicUrl) {
    return create(hub, version, publicUrl, ClientAddress.none());
  }

  /**
   * @param clientAddress how to tell a request's client address: the socket's, or behind a
   *     trusted reverse proxy ({@code serve --trusted-proxy}) its X-Forwarded-For entry
   */
  public static Javalin create(HubApp hub, String version, URI publicUrl, ClientAddress clientAddress) {
    return create(hub, version, publicUrl, clientAddress, KioskProtocolCheck.OLDEST_SERVED);
  }

  /**
   * @param oldestKioskProtocol the oldest kiosk protocol served; kiosks stating an older one are
   *     refused (tests raise it past {@code KioskProtocol.CURRENT} to play a newer hub)
   */
  public static Javalin create(HubApp hub, String version, URI publicUrl, ClientAddress clientAddress,
      int oldestKioskProtocol) {
    ObjectMapper json = Json.newMapper();
    Responses responses = new Responses(json);
    KioskApi kioskApi = new KioskApi(hub, responses, clientAddress, new KioskProtocolCheck(oldestKioskProtocol));
    Dashboard dashboard = new Dashboard(hub, responses, publicUrl, clientAddress);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      // Requests and errors per route template for /metrics (metrics.RequestMetrics).
      config.requestLogger.http(hub.metrics.requests());
      // Bodies are read with our own limit (EventBatchReader.MAX_BYTES) to answer 413 with a reason.
      config.http.maxRequestSize = 4L * 1024 * 1024;
      config.routes.get("/api/v1/health", ctx -> responses.ok(ctx, new Health("ok", version, hub.clock.instant())));
      config.routes.post("/api/v1/kiosks/enrol", kioskApi::enrol);
      config.routes.post("/api/v1/kiosks/{kioskId}/events", kioskApi::events);
      config.routes.get("/api/v1/kiosks/{kioskId}/sync", kioskApi::sync);
      config.routes.get("/api/v1/kiosks/{kioskId}/lesson-packs/{packId}/{version}", kioskApi::lessonPack);
      config.routes.get("/api/v1/kiosks/{kioskId}/language-packs/{code}/{version}", kioskApi::languagePack);
      // Staff dashboard (HTML pages, exports, its small JSON API): all behind DashboardAccess.
      dashboard.register(config.routes);
      // The field app for community technology team members (issue 15): its files and its API.
      new FieldRoutes(hub, responses, json).register(config.routes);
      config.routes.exception(KioskProtocolCheck.TooOld.class,
          (e, ctx) -> KioskProtocolCheck.answer(e, ctx, responses));
      config.routes.exception(ApiError.class, (e, ctx) -> responses.error(ctx, e.status(), e.getMessage()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        org.slf4j.LoggerFactory.getLogger(HubHttp.class).error("request failed: {} {}", ctx.method(), ctx.path(), e);
        responses.error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "the hub could not handle this request; it was logged");
      });
      config.routes.error(404, ctx -> {
        // Our own 404s (an unknown lesson pack, an unknown household) are JSON or a page already;
        // Javalin's "no route" is neither: JSON for the APIs, a dashboard page for the rest.
        // (Javalin's own answer may be HTML too, for a browser's Accept header: not ours.)
        String type = ctx.res().getContentType();
        boolean api = ctx.path().startsWith("/api/") || DashboardAccess.isApi(ctx.path()) || FieldRoutes.isApi(ctx.path());
        if (api && (type == null || !type.startsWith("application/json"))) {
          responses.error(ctx, HttpStatus.NOT_FOUND, "no such route: " + ctx.method() + " " + ctx.path());
        } else if (!api && ctx.attribute(Pages.RENDERED) == null) {
          dashboard.notFound(ctx);
        }
      });
    });
  }

}
