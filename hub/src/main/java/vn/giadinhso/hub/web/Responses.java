package vn.giadinhso.hub.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** JSON responses, written with the hub's own mapper. Errors are always {"error": "…"}. */
final class Responses {
  record ErrorBody(String error, int status) {}

  private final ObjectMapper json;

  Responses(ObjectMapper json) {
    this.json = json;
  }

  void ok(Context ctx, Object body) {
    send(ctx, HttpStatus.OK, body);
  }

  void send(Context ctx, HttpStatus status, Object body) {
    try {
      ctx.status(status).contentType("application/json; charset=utf-8").result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void error(Context ctx, HttpStatus status, String message) {
    send(ctx, status, new ErrorBody(message, status.getCode()));
  }
}
