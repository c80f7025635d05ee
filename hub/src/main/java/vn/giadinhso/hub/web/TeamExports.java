package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.report.ReportExports;
import vn.giadinhso.hub.report.ReportTable;
import vn.giadinhso.hub.teams.PhoneNumbers;
import vn.giadinhso.hub.teams.TeamMember;
import vn.giadinhso.hub.teams.Training;

/**
 * The register as CSV for a spreadsheet: members, and members' training. Cells are made inert
 * ({@link ReportExports#csv}: a name typed as a formula stays text). The phone column is there
 * only for those who may change the commune (its staff), as on the pages.
 */
final class TeamExports {
  private final HubApp hub;
  private final Pages pages;

  TeamExports(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/teams/export/members.csv", this::members, Permission.READ_COMMUNE);
    routes.get("/dashboard/c/{commune}/teams/export/training.csv", this::training, Permission.READ_COMMUNE);
  }

  private void members(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    boolean phones = hub.authorization.canWriteCommune(Pages.user(ctx), commune);
    List<String> headers = new ArrayList<>(List.of(pages.text(ctx, "teams.team"), pages.text(ctx, "teams.field.fullName"),
        pages.text(ctx, "teams.field.role")));
    if (phones) {
      headers.add(pages.text(ctx, "teams.field.phone"));
    }
    headers.add(pages.text(ctx, "teams.trained"));
    Map<Long, List<Training>> training = hub.teams.trainingsOfCommune(commune);
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, TeamMember> e : hub.teams.membersOfCommune(commune)) {
      TeamMember m = e.getValue();
      List<Object> row = new ArrayList<>(List.of(e.getKey(), m.fullName(), pages.text(ctx, "teams.role." + m.role().name())));
      if (phones) {
        row.add(PhoneNumbers.display(m.phone()));
      }
      row.add(training.getOrDefault(m.id(), List.of()).size());
      rows.add(row);
    }
    send(ctx, "to-cong-nghe-" + commune + ".csv", new ReportTable(headers, rows));
  }

  private void training(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    List<String> headers = List.of(pages.text(ctx, "teams.team"), pages.text(ctx, "teams.field.fullName"),
        pages.text(ctx, "teams.field.course"), pages.text(ctx, "teams.field.date"), pages.text(ctx, "teams.field.certificate"),
        pages.text(ctx, "teams.field.issuer"));
    Map<Long, List<Training>> training = hub.teams.trainingsOfCommune(commune);
    List<List<Object>> rows = new ArrayList<>();
    for (Map.Entry<String, TeamMember> e : hub.teams.membersOfCommune(commune)) {
      for (Training t : training.getOrDefault(e.getValue().id(), List.of())) {
        rows.add(List.of(e.getKey(), e.getValue().fullName(), t.course(), t.takenOn().toString(),
            t.certificate() == null ? "" : t.certificate(), t.issuer() == null ? "" : t.issuer()));
      }
    }
    send(ctx, "tap-huan-" + commune + ".csv", new ReportTable(headers, rows));
  }

  private static void send(Context ctx, String file, ReportTable table) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    ctx.contentType("text/csv; charset=utf-8").result(ReportExports.csv(table));
  }
}
