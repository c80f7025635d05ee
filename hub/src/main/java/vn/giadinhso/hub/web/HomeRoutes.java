package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.dashboard.CommuneOverview;
import vn.giadinhso.hub.dashboard.CommuneOverviewFigures;
import vn.giadinhso.hub.dashboard.Communes;
import vn.giadinhso.hub.dashboard.KioskList;

/** The dashboard's entry: admins pick a commune, staff go straight to theirs; a commune's overview. */
final class HomeRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final Communes communes;
  private final Responses responses;
  private final CommuneOverview overview;

  HomeRoutes(HubApp hub, Pages pages, Responses responses) {
    this.hub = hub;
    this.pages = pages;
    this.responses = responses;
    this.communes = new Communes(hub.db);
    this.overview = new CommuneOverview(hub.db, hub.reportRollup, hub.schedule, hub.schedules,
        new KioskList(hub.db, hub.clock), hub.clock);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard", this::home, Permission.SIGNED_IN);
    routes.get("/dashboard/c/{commune}", this::commune, Permission.READ_COMMUNE);
    routes.get("/dashboard/api/me", ctx -> {
      StaffUser user = Pages.user(ctx);
      responses.ok(ctx, Map.of("username", user.username(), "role", user.role().name(),
          "commune", user.communeId() == null ? "" : user.communeId(), "communes", user.communes(),
          "province", user.provinceCode() == null ? "" : user.provinceCode()));
    }, Permission.SIGNED_IN);
  }

  /**
   * Staff (or a viewer) of one commune go straight to it; everyone else picks from the communes
   * they may read, grouped by province.
   */
  private void home(Context ctx) {
    StaffUser user = Pages.user(ctx);
    if (user.provinceCode() == null && user.communes().size() == 1) {
      ctx.redirect("/dashboard/c/" + user.communeId(), HttpStatus.SEE_OTHER);
      return;
    }
    var readable = hub.units.communes().stream().filter(c -> hub.authorization.canReadCommune(user, c.id())).toList();
    // Province pages the account may open: an admin every province, an officer or viewer of a province theirs.
    var provinces = hub.units.provinces().stream().filter(p -> hub.authorization.canReadProvince(user, p.code())).toList();
    pages.render(ctx, "home", "home.title", Map.of("communes", readable, "provinces", provinces,
        "hasProvinces", !provinces.isEmpty()));
  }

  /** The commune's first page: its figures this month, each linking to the page that shows it in full. */
  private void commune(Context ctx) {
    String id = DashboardAccess.commune(ctx);
    Communes.Commune commune = communes.find(id).orElseThrow(() -> DashboardError.notFound("errors.notFound.commune", id));
    CommuneOverviewFigures figures = overview.build(id);
    Messages.Language language = Pages.language(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("commune", id);
    model.put("navCommune", id);
    model.put("province", commune.province());
    model.put("monthNumber", figures.month().getMonthValue());
    model.put("year", String.valueOf(figures.month().getYear()));
    var criteria = hub.criteria.active(id);
    model.put("hasCriteria", criteria.isPresent());
    model.put("target", criteria.map(c -> c.overallTargetPercent()).orElse(null));
    model.put("households", figures.households());
    model.put("recognised", figures.recognised());
    model.put("percent", percent(figures.percentRecognised(), language));
    model.put("held", figures.sessionsHeld());
    model.put("planned", figures.sessionsPlanned());
    model.put("required", figures.sessionsRequired());
    model.put("underCount", figures.pointsUnderMinimum().size());
    model.put("attendance", figures.attendance());
    model.put("practice", figures.practice());
    model.put("requests", figures.openRequests());
    model.put("declarations", figures.declarationsWaiting());
    model.put("staleKiosks", figures.staleKiosks());
    model.put("activeKiosks", figures.activeKiosks());
    List<Map<String, Object>> points = figures.points().stream().map(c -> Map.<String, Object>of("id", c.point().id(),
        "name", c.point().name(), "held", c.held(), "planned", c.planned(), "required", c.required(),
        "under", c.underMinimum())).toList();
    model.put("points", points);
    model.put("hasPoints", !points.isEmpty());
    List<Map<String, Object>> next = figures.nextSessions().stream().map(s -> {
      var start = s.startsAt().atZone(Pages.VIETNAM);
      return Map.<String, Object>of("id", s.id(), "pointName", s.pointName(), "topic", s.topic(),
          "weekday", pages.text(ctx, "overview.weekday." + start.getDayOfWeek().getValue()),
          "date", DAY.format(start), "start", HOUR.format(start), "end", HOUR.format(s.endsAt().atZone(Pages.VIETNAM)));
    }).toList();
    model.put("next", next);
    model.put("hasNext", !next.isEmpty());
    pages.render(ctx, "commune", commune.name(), model);
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  /** One decimal, with the reader's decimal mark (Vietnamese writes 62,5). */
  private static String percent(double value, Messages.Language language) {
    return String.format(language == Messages.Language.VI ? Locale.forLanguageTag("vi") : Locale.ENGLISH, "%.1f", value);
  }
}
