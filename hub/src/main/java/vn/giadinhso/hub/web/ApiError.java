package vn.giadinhso.hub.web;

import io.javalin.http.HttpStatus;

/** A refusal with its HTTP status and a message the caller can act on. */
final class ApiError extends RuntimeException {
  private final HttpStatus status;

  ApiError(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  HttpStatus status() {
    return status;
  }
}
