package vn.giadinhso.hub.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * "Every Tuesday and Saturday this month, 8:00–10:00": the way staff plan the three-plus sessions
 * a month. Times are Vietnam wall-clock times; {@link Schedules} turns them into instants.
 */
public record Recurrence(YearMonth month, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  public Recurrence {
    days = Set.copyOf(days);
    if (days.isEmpty()) {
      throw new IllegalArgumentException("choose at least one weekday");
    }
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("a session must end after it starts");
    }
  }

  public List<LocalDate> dates() {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
      if (days.contains(d.getDayOfWeek())) {
        out.add(d);
      }
    }
    return out;
  }
}
