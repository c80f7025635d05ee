package vn.giadinhso.hub.metrics;

import io.javalin.http.Context;
import io.javalin.http.RequestLogger;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * HTTP requests and errors per route. The route label is the template a request matched
 * ({@code /api/v1/kiosks/{kioskId}/events}), never the path itself, which would put kiosk ids
 * and household codes into labels (and a new time series per household); a request no route
 * matched is {@code unmatched}.
 */
public final class RequestMetrics implements RequestLogger {
  static final String UNMATCHED = "unmatched";
  private final MeterRegistry registry;

  RequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(Context ctx, Float executionMillis) {
    int status = ctx.statusCode();
    Timer.builder("http.server.requests").description("HTTP requests by route template, method and status")
        .tag("method", ctx.method().name())
        .tag("route", route(ctx))
        .tag("status", Integer.toString(status))
        .tag("outcome", status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR"
            : status >= 300 ? "REDIRECTION" : "SUCCESS")
        .register(registry)
        .record((long) (executionMillis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private static String route(Context ctx) {
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    return matched == null ? UNMATCHED : matched.path;
  }
}
