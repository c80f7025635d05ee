package vn.giadinhso.hub.web;

import io.javalin.http.HttpStatus;
import vn.giadinhso.protocol.IdNumberText;

/**
 * A dashboard request that cannot go on; shown to staff as a page (or, under /dashboard/api/, as
 * JSON) with its message. A message given by key ({@link #of}) is shown in the reader's language;
 * one given as text is shown as it is (routes not yet converted write "Việt · English" texts).
 */
final class DashboardError extends RuntimeException {
  private final HttpStatus status;
  private final String key;
  private final Object[] args;

  DashboardError(HttpStatus status, String message) {
    super(message);
    this.status = status;
    this.key = null;
    this.args = new Object[0];
  }

  private DashboardError(HttpStatus status, String key, Object[] args) {
    super(key);
    this.status = status;
    this.key = key;
    this.args = args.clone();
  }

  /** An error whose message is the text for {@code key} (with {@code {0}}… from {@code args}) in the reader's language. */
  static DashboardError of(HttpStatus status, String key, Object... args) {
    return new DashboardError(status, key, args);
  }

  /** As {@link #of} with 400 Bad Request: the form holds something the hub cannot take. */
  static DashboardError badInputKey(String key, Object... args) {
    return new DashboardError(HttpStatus.BAD_REQUEST, key, args);
  }

  HttpStatus status() {
    return status;
  }

  /** The message in the reader's language. */
  String message(Pages pages, io.javalin.http.Context ctx) {
    return key == null ? getMessage() : pages.text(ctx, key, args);
  }

  /**
   * 404 with the text for {@code key}; its arguments often repeat the address (a household
   * code…), so an ID number typed there is redacted.
   */
  static DashboardError notFound(String key, Object... args) {
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      safe[i] = IdNumberText.redact(String.valueOf(args[i]));
    }
    return new DashboardError(HttpStatus.NOT_FOUND, key, safe);
  }

  static DashboardError badInput(String message) {
    return new DashboardError(HttpStatus.BAD_REQUEST, message);
  }
}
