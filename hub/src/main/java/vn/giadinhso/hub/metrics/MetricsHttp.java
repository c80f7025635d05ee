package vn.giadinhso.hub.metrics;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The metrics listener: {@code GET /metrics} and nothing else, on a port of its own that is never
 * the one kiosks and staff reach (docs/decisions/hub-023-metrics.md). With a token, a scrape must
 * carry {@code Authorization: Bearer <token>}.
 */
public final class MetricsHttp {
  /** Prometheus' text exposition format. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsHttp() {}

  /** @param token the scrape token, or empty to trust whoever reaches the (loopback) port */
  public static Javalin create(HubMetrics metrics, Optional<String> token) {
    byte[] expected = token.map(t -> t.getBytes(StandardCharsets.UTF_8)).orElse(null);
    return Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.routes.get("/metrics", ctx -> {
        if (expected != null && !authorized(ctx, expected)) {
          ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
          ctx.status(HttpStatus.UNAUTHORIZED).contentType("text/plain; charset=utf-8")
              .result("a scrape needs the metrics token: Authorization: Bearer <token> (serve --metrics-token-file)\n");
          return;
        }
        ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
      });
    });
  }

  private static boolean authorized(Context ctx, byte[] expected) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    // Constant-time: the comparison's duration says nothing about how much of a guess was right.
    return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), expected);
  }
}
