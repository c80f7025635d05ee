package vn.giadinhso.hub.teams;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** A training as staff type it, checked: a course, the day it was done (not in the future), certificate and issuer optional. */
public record TrainingDetails(String course, LocalDate takenOn, String certificate, String issuer) {

  public static TrainingDetails of(String course, String takenOn, String certificate, String issuer, LocalDate today) {
    String name = Texts.required(course, "course");
    LocalDate date;
    try {
      date = LocalDate.parse(takenOn == null ? "" : takenOn.strip());
    } catch (DateTimeParseException e) {
      throw new TeamRejected("date");
    }
    if (date.isAfter(today)) {
      throw new TeamRejected("futureDate");
    }
    return new TrainingDetails(name, date, Texts.optional(certificate, "certificate"), Texts.optional(issuer, "issuer"));
  }
}
