package vn.giadinhso.hub.web;

import io.javalin.http.HttpStatus;
import vn.giadinhso.protocol.IdNumberText;

/** A dashboard request that cannot go on; shown to staff as a page with this (Vietnamese) message. */
final class DashboardError extends RuntimeException {
  private final HttpStatus status;

  DashboardError(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }

  /** {@code what} often repeats the address (a household code…): an ID number typed there is redacted. */
  static DashboardError notFound(String what) {
    return new DashboardError(HttpStatus.NOT_FOUND,
        "Không tìm thấy " + IdNumberText.redact(what) + " · Not found");
  }

  static DashboardError badInput(String message) {
    return new DashboardError(HttpStatus.BAD_REQUEST, message);
  }
}
