package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.dashboard.Attendance;
import vn.giadinhso.hub.schedule.MonthCompliance;
import vn.giadinhso.hub.schedule.Recurrence;
import vn.giadinhso.hub.schedule.Schedules;
import vn.giadinhso.hub.schedule.Session;
import vn.giadinhso.hub.schedule.SupportPoint;

/** Sessions per support point: month view, create, recur, edit, cancel; compliance per commune. */
final class ScheduleRoutes {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Pages.VIETNAM);
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(Pages.VIETNAM);
  private static final String[] WEEKDAYS_VI = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};

  private final HubApp hub;
  private final Pages pages;
  private final Attendance attendance;

  ScheduleRoutes(HubApp hub, Pages pages, Attendance attendance) {
    this.hub = hub;
    this.pages = pages;
    this.attendance = attendance;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/schedule", this::compliance, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/points/{point}", this::month, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/points/{point}/sessions", this::create, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/points/{point}/recurrence", this::recur, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/sessions/{session}", this::session, Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/sessions/{session}", this::edit, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/sessions/{session}/cancel", this::cancel, Permission.WRITE_COMMUNE);
  }

  private void compliance(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    YearMonth month = Forms.month(ctx.queryParam("month"), hub.schedules.currentMonth());
    List<Map<String, Object>> rows = hub.schedules.compliance(commune, month).stream().map(c -> row(c, month)).toList();
    pages.render(ctx, "schedule", pages.text(ctx, "schedule.title", month.getMonthValue() + "/" + month.getYear()), Map.of("commune", commune, "navCommune", commune, "month", month.toString(),
        "prev", month.minusMonths(1).toString(), "next", month.plusMonths(1).toString(), "points", rows,
        "underCount", rows.stream().filter(r -> (boolean) r.get("under")).count()));
  }

  private static Map<String, Object> row(MonthCompliance c, YearMonth month) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", c.point().id());
    row.put("name", c.point().name());
    row.put("planned", c.planned());
    row.put("held", c.held());
    row.put("cancelled", c.cancelled());
    row.put("required", c.required());
    row.put("under", c.underMinimum());
    row.put("month", month.toString());
    row.put("place", c.point().place());
    row.put("hours", c.point().openingHours());
    row.put("retired", c.point().retired());
    row.put("mobile", c.point().mobile());
    return row;
  }

  private SupportPoint point(Context ctx, String commune) {
    return hub.schedule.point(ctx.pathParam("point")).filter(p -> p.communeId().equals(commune))
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.point", ctx.pathParam("point")));
  }

  private Session session(Context ctx, String commune) {
    Session session = hub.schedule.session(ctx.pathParam("session"))
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.session"));
    hub.schedule.point(session.supportPointId()).filter(p -> p.communeId().equals(commune))
        .orElseThrow(() -> DashboardError.notFound("errors.notFound.session"));
    return session;
  }

  private void month(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    SupportPoint point = point(ctx, commune);
    YearMonth month = Forms.month(ctx.queryParam("month"), hub.schedules.currentMonth());
    List<Map<String, Object>> sessions = hub.schedules.month(point.id(), month).stream().map(ScheduleRoutes::view).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("point", point);
    model.put("month", month.toString());
    model.put("prev", month.minusMonths(1).toString());
    model.put("next", month.plusMonths(1).toString());
    model.put("sessions", sessions);
    model.put("compliance", row(hub.schedules.compliance(point, month), month));
    model.put("weekdays", weekdays());
    model.put("retired", point.retired());
    model.put("retiredAt", Pages.dateTime(point.retiredAt()));
    model.put("kioskCount", new vn.giadinhso.hub.dashboard.KioskList(hub.db, hub.clock).forCommune(commune).stream()
        .filter(k -> k.pointId().equals(point.id()) && !k.revoked()).count());
    pages.render(ctx, "point", point.name() + " — " + month.getMonthValue() + "/" + month.getYear(), model);
  }

  static Map<String, Object> view(Session s) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", s.id());
    v.put("weekday", WEEKDAYS_VI[s.startsAt().atZone(Pages.VIETNAM).getDayOfWeek().getValue() - 1]);
    v.put("date", DAY.format(s.startsAt()));
    v.put("isoDate", s.startsAt().atZone(Pages.VIETNAM).toLocalDate().toString());
    v.put("start", HOUR.format(s.startsAt()));
    v.put("end", HOUR.format(s.endsAt()));
    v.put("place", s.place());
    v.put("topic", s.topic());
    v.put("trainer", s.trainer());
    v.put("cancelled", s.status() == Session.Status.CANCELLED);
    v.put("openedAtKiosk", s.openedAtKiosk());
    return v;
  }

  private static List<Map<String, Object>> weekdays() {
    return java.util.stream.IntStream.range(0, 7).mapToObj(i -> Map.<String, Object>of(
        "value", DayOfWeek.of(i + 1).name(), "label", WEEKDAYS_VI[i])).toList();
  }

  /**
   * The form's plan. A mobile point has no place of its own to fall back on (the form leaves the
   * field empty for it), so a session without one is refused with what to write instead.
   */
  private Schedules.Plan plan(Context ctx, SupportPoint point) {
    if (point.mobile() && Forms.text(ctx, "place").isBlank()) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.mobilePlace"));
    }
    try {
      return new Schedules.Plan(Forms.text(ctx, "place"), Forms.text(ctx, "topic"), Forms.text(ctx, "trainer"));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
  }

  /** A retired point takes no new sessions: a clear 400, not a stored session. */
  private SupportPoint pointInUse(Context ctx, String commune) {
    SupportPoint point = point(ctx, commune);
    if (point.retired()) {
      throw DashboardError.badInput(pages.text(ctx, "point.error.retired"));
    }
    return point;
  }

  private void create(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportPoint point = pointInUse(ctx, commune);
    Session s;
    try {
      s = hub.schedules.create(point, Forms.date(ctx, "date"), Forms.time(ctx, "start"), Forms.time(ctx, "end"), plan(ctx, point));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
    hub.audit.record(user.username(), commune, "session.created", s.id(), point.id() + " " + s.startsAt() + " " + s.topic());
    ctx.redirect("/dashboard/c/" + commune + "/points/" + point.id() + "?month="
        + YearMonth.from(s.startsAt().atZone(Pages.VIETNAM)), HttpStatus.SEE_OTHER);
  }

  private void recur(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    SupportPoint point = pointInUse(ctx, commune);
    YearMonth month = Forms.month(Forms.text(ctx, "month"), hub.schedules.currentMonth());
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : ctx.formParams("day")) {
      try {
        days.add(DayOfWeek.valueOf(day));
      } catch (IllegalArgumentException e) {
        throw DashboardError.badInputKey("errors.invalidWeekday");
      }
    }
    List<Session> created;
    try {
      created = hub.schedules.createRecurring(point,
          new Recurrence(month, days, Forms.time(ctx, "start"), Forms.time(ctx, "end")), plan(ctx, point));
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
    hub.audit.record(user.username(), commune, "session.recurring", point.id(),
        created.size() + " sessions in " + month + " on " + days);
    ctx.redirect("/dashboard/c/" + commune + "/points/" + point.id() + "?month=" + month, HttpStatus.SEE_OTHER);
  }

  private void session(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Session s = session(ctx, commune);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("session", view(s));
    model.put("pointId", s.supportPointId());
    model.put("month", YearMonth.from(s.startsAt().atZone(Pages.VIETNAM)).toString());
    Attendance.SessionAttendance att = attendance.forSession(s.id(), commune);
    model.put("attendance", att.rows().stream().map(r -> {
      // Someone not on the roster has no household and no name (a null would break the page).
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("onRoster", r.onRoster());
      row.put("household", r.onRoster() ? r.householdCode() : "");
      row.put("name", r.onRoster() ? r.maskedName() : "");
      row.put("at", Pages.dateTime(r.at()));
      row.put("kiosk", r.kioskId());
      row.put("first", r.firstTime());
      return row;
    }).toList());
    model.put("count", att.rows().size());
    model.put("firstTimers", att.rows().stream().filter(Attendance.Row::firstTime).count());
    pages.render(ctx, "session", s.topic(), model);
  }

  private void edit(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    Session old = session(ctx, commune);
    Schedules.Plan plan = plan(ctx, hub.schedule.point(old.supportPointId()).orElseThrow());
    var date = Forms.date(ctx, "date");
    Session updated;
    try {
      updated = new Session(old.id(), old.supportPointId(),
          java.time.ZonedDateTime.of(date, Forms.time(ctx, "start"), Pages.VIETNAM).toInstant(),
          java.time.ZonedDateTime.of(date, Forms.time(ctx, "end"), Pages.VIETNAM).toInstant(),
          plan.place(), plan.topic(), plan.trainer(), old.status());
    } catch (IllegalArgumentException e) {
      throw DashboardError.badInput(e.getMessage());
    }
    hub.schedule.saveSession(updated);
    hub.audit.record(user.username(), commune, "session.edited", old.id(),
        old.startsAt() + " " + old.topic() + " → " + updated.startsAt() + " " + updated.topic());
    ctx.redirect("/dashboard/c/" + commune + "/sessions/" + old.id(), HttpStatus.SEE_OTHER);
  }

  private void cancel(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    Session old = session(ctx, commune);
    // Kept, not deleted: the new revision tells kiosks to take it off their welcome screens.
    hub.schedule.saveSession(new Session(old.id(), old.supportPointId(), old.startsAt(), old.endsAt(), old.place(),
        old.topic(), old.trainer(), Session.Status.CANCELLED));
    hub.audit.record(user.username(), commune, "session.cancelled", old.id(), old.startsAt() + " " + old.topic());
    ctx.redirect("/dashboard/c/" + commune + "/points/" + old.supportPointId() + "?month="
        + YearMonth.from(old.startsAt().atZone(Pages.VIETNAM)), HttpStatus.SEE_OTHER);
  }
}
