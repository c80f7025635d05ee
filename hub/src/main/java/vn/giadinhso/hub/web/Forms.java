package vn.giadinhso.hub.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Reads typed values from forms and query strings; bad input becomes a 400 page saying which field. */
final class Forms {
  private Forms() {}

  static String text(Context ctx, String field) {
    String value = ctx.formParam(field);
    return value == null ? "" : value.strip();
  }

  static LocalDate date(Context ctx, String field) {
    try {
      return LocalDate.parse(text(ctx, field));
    } catch (DateTimeParseException e) {
      throw DashboardError.badInputKey("errors.invalidDate", field);
    }
  }

  static LocalTime time(Context ctx, String field) {
    try {
      return LocalTime.parse(text(ctx, field));
    } catch (DateTimeParseException e) {
      throw DashboardError.badInputKey("errors.invalidTime", field);
    }
  }

  static YearMonth month(String value, YearMonth fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw DashboardError.badInputKey("errors.invalidMonth");
    }
  }
}
