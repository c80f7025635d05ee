package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.units.UnitImport;
import vn.giadinhso.hub.units.UnitProblem;
import vn.giadinhso.hub.units.UnitsCsv;
import vn.giadinhso.hub.units.UnitsRejected;

/** Provinces and communes with their codes and sources, the imports so far, and the units file upload (admins). */
final class UnitRoutes {
  /** The catalogue is ~3,400 rows of ~100 bytes: a megabyte is plenty. */
  static final long MAX_FILE = 1024 * 1024;

  private final HubApp hub;
  private final Pages pages;

  UnitRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/units", ctx -> render(ctx, null, List.of()), Permission.MANAGE_UNITS);
    routes.post("/dashboard/units", this::upload, Permission.MANAGE_UNITS);
  }

  private void render(Context ctx, UnitImport done, List<UnitProblem> problems) {
    var communes = hub.units.communes();
    var provinces = hub.units.provinces().stream().map(p -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", p.code());
      row.put("name", p.name());
      row.put("official", p.official());
      row.put("source", p.source());
      row.put("communes", communes.stream().filter(c -> p.code().equals(c.provinceCode())).map(c -> Map.of(
          "id", c.id(), "name", c.name(), "code", c.code() == null ? "" : c.code(),
          "source", c.source() == null ? "" : c.source())).toList());
      return row;
    }).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("provinces", provinces);
    model.put("imports", hub.units.imports().stream().map(i -> Map.of("at", Pages.dateTime(i.at()), "actor", i.actor(),
        "file", i.fileName(), "sources", i.sources(), "provinces", i.provinces(), "communes", i.communes())).toList());
    model.put("problems", problems);
    model.put("hasProblems", !problems.isEmpty());
    if (done != null) {
      model.put("done", done);
    }
    if (!problems.isEmpty()) {
      ctx.status(400);
    }
    pages.render(ctx, "units", "accounts.units.title", model);
  }

  private void upload(Context ctx) throws IOException {
    StaffUser user = Pages.user(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw DashboardError.badInputKey("accounts.error.unitsFile");
    }
    if (file.size() > MAX_FILE) {
      throw DashboardError.badInputKey("accounts.error.unitsTooLarge");
    }
    String name = file.filename() == null || file.filename().isBlank() ? "units.csv"
        : file.filename().replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    List<UnitsCsv.Row> rows;
    try (Reader reader = new InputStreamReader(file.content(), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
      rows = UnitsCsv.read(reader);
    } catch (CharacterCodingException e) {
      render(ctx, null, List.of(new UnitProblem(0, pages.text(ctx, "accounts.error.unitsNotUtf8"))));
      return;
    } catch (UnitsRejected e) {
      render(ctx, null, e.problems());
      return;
    }
    try {
      UnitImport done = hub.units.apply(rows, user.username(), name);
      hub.audit.record(user.username(), null, "units.imported", name,
          done.provinces() + " provinces, " + done.communes() + " communes; source: " + done.sources());
      render(ctx, done, List.of());
    } catch (UnitsRejected e) {
      render(ctx, null, e.problems());
    }
  }
}
