package vn.giadinhso.hub.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.giadinhso.hub.HubApp;
import vn.giadinhso.hub.auth.StaffUser;
import vn.giadinhso.hub.lesson.LessonPack;
import vn.giadinhso.hub.lesson.LessonPackReader;
import vn.giadinhso.hub.pack.PackReader;
import vn.giadinhso.hub.pack.Published;

/**
 * The lesson packs kiosks download: what is published (anyone signed in may look), and a new
 * pack version published by uploading its zip (admins: a pack goes to every kiosk of every
 * commune, decision hub-017). The zip is checked by the same {@link LessonPackReader} as
 * {@code import-lessons}; a version that is not newer than the published one is refused.
 * Kiosks fetch a new version on their next sync.
 */
final class LessonRoutes {
  private final HubApp hub;
  private final Pages pages;
  private final LessonPackReader reader = new LessonPackReader();

  LessonRoutes(HubApp hub, Pages pages) {
    this.hub = hub;
    this.pages = pages;
  }

  void register(RoutesConfig routes) {
    routes.get("/dashboard/lessons", ctx -> show(ctx, null), Permission.SIGNED_IN);
    routes.post("/dashboard/lessons", this::publish, Permission.PUBLISH_LESSONS);
  }

  private void show(Context ctx, String problem) {
    CriteriaView view = new CriteriaView(pages, ctx);
    Map<String, String> criterionNames = criterionNames(view);
    List<Published<LessonPack>> history = hub.lessonPacks.history();
    List<Map<String, Object>> latest = hub.lessonPacks.latest().stream().map(p -> {
      Map<String, Object> row = row(view, criterionNames, p);
      row.put("at", history.stream().filter(h -> h.pack().id().equals(p.id()) && h.pack().version() == p.version())
          .findFirst().map(h -> Pages.dateTime(h.at())).orElse(""));
      return row;
    }).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("packs", latest);
    model.put("history", history.stream().map(h -> {
      Map<String, Object> row = row(view, criterionNames, h.pack());
      row.put("at", Pages.dateTime(h.at()));
      return row;
    }).toList());
    model.put("canPublish", hub.authorization.canPublishLessons(Pages.user(ctx)));
    if (problem != null) {
      model.put("problem", problem);
      ctx.status(HttpStatus.BAD_REQUEST);
    }
    String published = ctx.queryParam("published");
    String version = ctx.queryParam("version");
    if (published != null && published.matches("[a-z0-9-]{1,64}") && version != null && version.matches("\\d{1,6}")) {
      model.put("published", Map.of("id", published, "version", version));
    }
    pages.render(ctx, "lessons", "lessons.title", model);
  }

  private Map<String, Object> row(CriteriaView view, Map<String, String> criterionNames, LessonPack p) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", p.id());
    row.put("version", p.version());
    row.put("title", view.text(p.title()));
    row.put("topics", p.criteria().stream().map(c -> criterionNames.getOrDefault(c, c)).toList());
    row.put("size", String.format(view.locale(), "%,.1f", p.size() / 1024.0));
    return row;
  }

  /** The criteria a pack teaches, by their names in the communes' sets (the id where no set names one). */
  private Map<String, String> criterionNames(CriteriaView view) {
    Map<String, String> names = new HashMap<>();
    for (String commune : hub.criteria.communesWithSets()) {
      hub.criteria.active(commune).ifPresent(set -> set.criteria()
          .forEach(c -> names.putIfAbsent(c.id(), view.text(c.text()))));
    }
    return names;
  }

  private void publish(Context ctx) throws IOException {
    StaffUser user = Pages.user(ctx);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      show(ctx, pages.text(ctx, "lessons.problem.noFile"));
      return;
    }
    if (file.size() > LessonPackReader.MAX_BYTES) {
      show(ctx, pages.text(ctx, "lessons.problem.tooLarge"));
      return;
    }
    String name = file.filename() == null || file.filename().isBlank() ? "lesson.zip"
        : vn.giadinhso.protocol.IdNumberText.redact(file.filename().replaceAll("[^\\p{L}\\p{N}._ -]", "_"));
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes((int) LessonPackReader.MAX_BYTES + 1);
    }
    PackReader.Loaded<LessonPack> loaded;
    try {
      loaded = reader.read(bytes, name);
    } catch (IOException e) {
      show(ctx, pages.text(ctx, "lessons.problem.invalid", e.getMessage()));
      return;
    }
    LessonPack pack = loaded.pack();
    Optional<LessonPack> current = hub.lessonPacks.latest().stream().filter(p -> p.id().equals(pack.id())).findFirst();
    if (current.isPresent() && current.get().version() >= pack.version()) {
      boolean same = current.get().version() == pack.version() && current.get().sha256().equals(pack.sha256());
      show(ctx, same ? pages.text(ctx, "lessons.problem.alreadyPublished", pack.id(), pack.version())
          : pages.text(ctx, "lessons.problem.notNewer", pack.id(), pack.version(), current.get().version()));
      return;
    }
    try {
      hub.lessonPacks.save(pack, loaded.zip());
    } catch (IllegalArgumentException e) {
      // An older version of this id was published with other content: a version number is never reused.
      show(ctx, pages.text(ctx, "lessons.problem.notNewer", pack.id(), pack.version(),
          current.map(LessonPack::version).orElse(pack.version())));
      return;
    }
    hub.audit.record(user.username(), null, "lessons.published", pack.id() + " version " + pack.version(),
        name + "; " + pack.size() + " bytes; sha256 " + pack.sha256());
    ctx.redirect("/dashboard/lessons?published=" + pack.id() + "&version=" + pack.version(), HttpStatus.SEE_OTHER);
  }
}
