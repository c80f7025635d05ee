package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffSessions;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.criteria.CriteriaDrafts;
import vn.giadinhso.hub.criteria.CriteriaPreview;
import vn.giadinhso.hub.criteria.CriteriaSet;
import vn.giadinhso.hub.criteria.CriteriaUpload;
import vn.giadinhso.hub.dashboard.Attendance;

/**
 * A commune's criteria set in the browser: the current set and its versions (anyone who reads
 * the commune); upload a new version, see which households would change status, publish or
 * discard it (staff who may change the commune). The upload waits as the session's draft
 * ({@link CriteriaDrafts}), so the preview is computed from what the server holds and "publish"
 * stores exactly what was previewed. Kiosks get a published set on their next sync, as after
 * {@code import-criteria}.
 */
final class CriteriaRoutes {
  /** The preview lists at most this many households; the counts cover them all. */
  static final int LISTED = 500;

  private final HubApp hub;
  private final Pages pages;
  private final CriteriaDrafts drafts;
  private final CriteriaUpload upload = new CriteriaUpload();

  CriteriaRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
    this.drafts = new CriteriaDrafts(hub.db, hub.criteriaJson, hub.clock);
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/c/{commune}/criteria", ctx -> show(ctx, List.of()), Permission.READ_COMMUNE);
    routes.post("/dashboard/c/{commune}/criteria/upload", this::upload, Permission.WRITE_COMMUNE);
    routes.get("/dashboard/c/{commune}/criteria/preview", this::preview, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/criteria/publish", this::publish, Permission.WRITE_COMMUNE);
    routes.post("/dashboard/c/{commune}/criteria/discard", this::discard, Permission.WRITE_COMMUNE);
  }

  private void show(Context ctx, List<CriteriaUpload.Problem> problems) {
    String commune = DashboardAccess.commune(ctx);
    CriteriaView view = new CriteriaView(pages, ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    hub.criteria.active(commune).ifPresent(set -> model.put("set", view.set(set)));
    model.put("history", hub.criteria.history(commune).stream().map(v -> Map.of("version", v.version(),
        "title", view.text(v.title()), "criteria", v.criteria(), "at", Pages.dateTime(v.loadedAt()))).toList());
    model.put("problems", problems.stream().map(p -> Map.of("where", p.where(),
        "reason", pages.text(ctx, p.key(), p.args().toArray()))).toList());
    model.put("hasProblems", !problems.isEmpty());
    String published = ctx.queryParam("published");
    if (published != null && published.matches("\\d{1,6}")) {
      model.put("published", published);
    }
    if (ctx.queryParam("discarded") != null) {
      model.put("discarded", true);
    }
    if (!problems.isEmpty()) {
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    pages.render(ctx, "criteria", "criteria.title", model);
  }

  private void upload(Context ctx) throws IOException {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      show(ctx, List.of(new CriteriaUpload.Problem("", "criteria.problem.noFile", List.of())));
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      // Read one byte past the limit: enough to know the file is too large, never the whole of it.
      bytes = in.readNBytes(CriteriaUpload.MAX_BYTES + 1);
    }
    CriteriaUpload.Result checked = upload.check(bytes, commune, hub.criteria.active(commune));
    if (!checked.ok()) {
      show(ctx, checked.problems());
      return;
    }
    String name = fileName(file);
    drafts.save(sessionSecret(ctx), user.username(), checked.set(), name);
    hub.audit.record(user.username(), commune, "criteria.uploaded", "version " + checked.set().version(),
        name + "; " + checked.set().criteria().size() + " criteria; not published yet");
    ctx.redirect("/dashboard/c/" + commune + "/criteria/preview", HttpStatus.SEE_OTHER);
  }

  private void preview(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    Optional<CriteriaDrafts.Draft> draft = drafts.find(sessionSecret(ctx), commune);
    if (draft.isEmpty()) {
      // Nothing uploaded in this session (or it was published, discarded or expired).
      ctx.redirect("/dashboard/c/" + commune + "/criteria", HttpStatus.SEE_OTHER);
      return;
    }
    CriteriaSet proposed = draft.get().set();
    Optional<CriteriaSet> current = hub.criteria.active(commune);
    CriteriaPreview.Result result = preview(commune, current, proposed);
    CriteriaView view = new CriteriaView(pages, ctx);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("commune", commune);
    model.put("navCommune", commune);
    model.put("fileName", draft.get().fileName());
    model.put("uploadedAt", Pages.dateTime(draft.get().createdAt()));
    model.put("newVersion", proposed.version());
    model.put("oldVersion", current.map(s -> String.valueOf(s.version())).orElse("—"));
    model.put("households", result.households());
    model.put("recognisedBefore", result.recognisedBefore());
    model.put("recognisedAfter", result.recognisedAfter());
    model.put("lost", result.lost());
    model.put("gained", result.gained());
    model.put("changed", !result.changes().isEmpty());
    model.put("more", Math.max(0, result.changes().size() - LISTED));
    model.put("changes", result.changes().stream().limit(LISTED).map(c -> Map.of(
        "code", c.code(), "village", c.village(), "head", Attendance.mask(c.headName()),
        "now", c.nowRecognised() ? "criteria.preview.nowMet" : "criteria.preview.nowNotMet",
        "statusClass", c.nowRecognised() ? "status-MET" : "status-NOT_MET",
        "holdingBack", c.holdingBack().stream().map(id -> view.criterionName(proposed, id)).toList())).toList());
    model.put("added", result.criteriaAdded().stream().map(id -> view.criterionName(proposed, id)).toList());
    model.put("removed", result.criteriaRemoved().stream()
        .map(id -> current.map(set -> view.criterionName(set, id)).orElse(id)).toList());
    model.put("hasAdded", !result.criteriaAdded().isEmpty());
    model.put("hasRemoved", !result.criteriaRemoved().isEmpty());
    model.put("set", view.set(proposed));
    pages.render(ctx, "criteria-preview", "criteria.preview.title", model);
  }

  private void publish(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    StaffUser user = Pages.user(ctx);
    String secret = sessionSecret(ctx);
    CriteriaDrafts.Draft draft = drafts.find(secret, commune).orElse(null);
    if (draft == null) {
      show(ctx, List.of(new CriteriaUpload.Problem("", "criteria.problem.noDraft", List.of())));
      return;
    }
    CriteriaSet set = draft.set();
    Optional<CriteriaSet> current = hub.criteria.active(commune);
    // Someone else may have published while this preview was open: never go back to an older set.
    if (current.isPresent() && current.get().version() >= set.version()) {
      drafts.discard(secret, commune);
      show(ctx, List.of(new CriteriaUpload.Problem("version", "criteria.problem.versionNotNewer",
          List.of(String.valueOf(set.version()), String.valueOf(current.get().version())))));
      return;
    }
    CriteriaPreview.Result result = preview(commune, current, set);
    hub.criteria.load(set);
    hub.people.rederive(commune); // a new version may make criteria about a person (issue 15)
    drafts.discard(secret, commune);
    hub.audit.record(user.username(), commune, "criteria.published", "version " + set.version(),
        draft.fileName() + "; " + set.criteria().size() + " criteria; recognised " + result.recognisedBefore()
            + " -> " + result.recognisedAfter() + " of " + result.households() + " households");
    ctx.redirect("/dashboard/c/" + commune + "/criteria?published=" + set.version(), HttpStatus.SEE_OTHER);
  }

  private void discard(Context ctx) {
    String commune = DashboardAccess.commune(ctx);
    String secret = sessionSecret(ctx);
    Optional<CriteriaDrafts.Draft> draft = drafts.find(secret, commune);
    drafts.discard(secret, commune);
    draft.ifPresent(d -> hub.audit.record(Pages.user(ctx).username(), commune, "criteria.discarded",
        "version " + d.set().version(), d.fileName()));
    ctx.redirect("/dashboard/c/" + commune + "/criteria?discarded", HttpStatus.SEE_OTHER);
  }

  /** Every household of the commune under the current and the proposed set; reads only. */
  private CriteriaPreview.Result preview(String commune, Optional<CriteriaSet> current, CriteriaSet proposed) {
    int count = hub.households.count(commune);
    var households = hub.households.changedSince(commune, 0, Long.MAX_VALUE, count + 1).stream()
        .map(s -> new CriteriaPreview.Subject(s.household().code(), s.household().village(), s.household().headName(),
            s.household().flags(), s.latestStatuses()))
        .toList();
    return CriteriaPreview.compute(current, proposed, households);
  }

  /** The session's own secret (its CSRF token): drafts belong to the sign-in that made them. */
  private static String sessionSecret(Context ctx) {
    StaffSessions.Active session = ctx.attribute(DashboardAccess.SESSION);
    if (session == null) {
      throw new NotSignedIn();
    }
    return session.csrfToken();
  }

  private static String fileName(UploadedFile file) {
    String name = file.filename();
    if (name == null || name.isBlank()) {
      return "criteria.json";
    }
    name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    // A file name is shown and audited: never an ID number typed into it.
    return vn.giadinhso.protocol.IdNumberText.redact(name.length() > 100 ? name.substring(0, 100) : name);
  }
}
