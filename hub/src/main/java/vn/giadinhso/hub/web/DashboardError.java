package vn.giadinhso.hub.web;

import io.javalin.http.HttpStatus;

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

  static DashboardError notFound(String what) {
    return new DashboardError(HttpStatus.NOT_FOUND, "Không tìm thấy " + what + " · Not found");
  }

  static DashboardError badInput(String message) {
    return new DashboardError(HttpStatus.BAD_REQUEST, message);
  }
}
